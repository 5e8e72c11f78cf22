/* A hand-written form-associated custom element with an open shadow root holding a plain
 * <label for> + <input>, as in-house component libraries write them. */
class RemarkField extends HTMLElement {
  static formAssociated = true;
  static observedAttributes = ['label'];
  constructor() {
    super();
    this.internals = this.attachInternals();
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = `
      <style>
        :host { display: block; }
        label { display: block; margin-bottom: 4px; font-size: var(--sl-input-label-font-size-medium, 16px); }
        input { box-sizing: border-box; width: 100%; height: 40px; padding: 0 12px; border: 1px solid #d4d4d8; border-radius: 4px; font: inherit; }
        input:focus { outline: none; border-color: #0284c7; box-shadow: 0 0 0 3px rgba(2,132,199,.3); }
      </style>
      <label for="control"></label><input id="control" type="text" placeholder="其他需要说明的情况">`;
    this.input = root.querySelector('input');
    this.input.addEventListener('input', () => this.internals.setFormValue(this.input.value));
    this.input.addEventListener('change', () => this.dispatchEvent(new Event('change', { bubbles: true })));
  }
  attributeChangedCallback() { this.shadowRoot.querySelector('label').textContent = this.getAttribute('label') || ''; }
  get value() { return this.input.value; }
  set value(v) { this.input.value = v; this.internals.setFormValue(v); }
  formResetCallback() { this.value = ''; }
}
customElements.define('ylt-remark-field', RemarkField);
