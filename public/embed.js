/*! 西溪 · Report Highlights — embed helper for portal pages. No dependencies.
 * Add to the portal page, after the iframes:
 *   <iframe src="https://host/zwgk/xixi-2023/?embed=page" title="…" width="100%" loading="lazy" data-xixi-embed></iframe>
 *   <script src="https://host/zwgk/xixi-2023/embed.js" defer></script>
 * Each iframe then follows its content's height (no inner scroll bar). Every view change fires a
 * `xixi-view` event on the iframe with `detail.query` (the page's link query, without `?`), so
 * the portal can keep a deep link of its own. Messages are matched to their iframe by
 * event.source and accepted only from the iframe's own origin. */
(function () {
  'use strict';
  function frames() { return document.querySelectorAll('iframe[data-xixi-embed]'); }
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.source !== 'xixi-highlights') return;
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      var frame = list[i];
      if (frame.contentWindow !== event.source) continue;
      if (new URL(frame.src, location.href).origin !== event.origin) return;
      if (data.type === 'height' && typeof data.height === 'number' && data.height > 0) {
        frame.style.height = Math.ceil(data.height) + 'px';
        frame.setAttribute('scrolling', 'no');
      } else if (data.type === 'view' && typeof data.query === 'string') {
        frame.dispatchEvent(new CustomEvent('xixi-view', { detail: { query: data.query } }));
      }
      return;
    }
  });
})();
