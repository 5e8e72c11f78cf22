// A few line icons (the page has no icon font), drawn on a 16×16 grid like the admin template's.
const { createElement: h } = React;

const PATHS = {
  home: 'M2 8 L8 2.5 L14 8 M4 7 V13.5 H12 V7 M6.5 13.5 V10 H9.5 V13.5',
  alert: 'M8 2 L14.5 13.5 H1.5 Z M8 6.5 V9.5 M8 11.2 V11.8',
  grid: 'M2 2 H7 V7 H2 Z M9 2 H14 V7 H9 Z M2 9 H7 V14 H2 Z M9 9 H14 V14 H9 Z',
  chart: 'M2 14 H14 M4 12 V8 M7.3 12 V4 M10.6 12 V6.5 M13 12 V9.5',
  setting: 'M8 5.5 A2.5 2.5 0 1 0 8 10.5 A2.5 2.5 0 1 0 8 5.5 M8 1.5 V3.5 M8 12.5 V14.5 M1.5 8 H3.5 M12.5 8 H14.5 M3.4 3.4 L4.8 4.8 M11.2 11.2 L12.6 12.6 M3.4 12.6 L4.8 11.2 M11.2 4.8 L12.6 3.4',
  bell: 'M4 11.5 V7.5 A4 4 0 0 1 12 7.5 V11.5 L13 12.5 H3 Z M6.5 14 H9.5',
  user: 'M8 2.5 A2.8 2.8 0 1 0 8 8.1 A2.8 2.8 0 1 0 8 2.5 M2.5 14.5 A5.5 5 0 0 1 13.5 14.5',
  plus: 'M8 2 V14 M2 8 H14',
  logo: 'M8 1.5 L14 4.5 V8.5 C14 11.8 11.4 14 8 15 C4.6 14 2 11.8 2 8.5 V4.5 Z M5.2 8.2 L7.2 10.2 L10.8 6.2',
};

export function Icon({ name, size = 14, style }) {
  return h('span', { className: 'anticon', role: 'img', 'aria-hidden': true }, h('svg', {
    viewBox: '0 0 16 16', width: size, height: size, fill: 'none', stroke: 'currentColor',
    strokeWidth: 1.4, strokeLinecap: 'round', strokeLinejoin: 'round', 'aria-hidden': true,
    style: { verticalAlign: '-0.15em', ...style },
  }, h('path', { d: PATHS[name] ?? '' })));
}
