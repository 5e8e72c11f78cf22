/**
 * Injected into the maintainer's tab by the recorder page (entrypoints/recorder/) on its click, through
 * `scripting.executeScript`: defines the read-only page scan, which the recorder then calls. Never
 * registered as a content script; it clicks and types nothing.
 */
import { draftPage } from '@/lib/mapping/recorder';

export default defineUnlistedScript(() => {
  (window as unknown as { __yltScan?: () => unknown }).__yltScan = () => draftPage(document);
});
