/*
 * Tribune embeds: a video box (figure.embed-video, written by the articles module) is a link to the
 * video on its provider's site; this adds the button that replaces it by the provider's
 * privacy-enhanced player, and nothing is asked of the provider before that click. The label and
 * the frame's title come from the box (in the site's language). Only the players the content
 * security policy allows are loaded (checked here again: the page never frames anything else).
 */
(function () {
  'use strict';
  var PLAYER = /^https:\/\/(www\.youtube-nocookie\.com\/embed\/[A-Za-z0-9_-]{11}\?autoplay=1|player\.vimeo\.com\/video\/[0-9]{1,20}\?dnt=1&autoplay=1|geo\.dailymotion\.com\/player\.html\?video=[A-Za-z0-9]{1,20})$/;
  var boxes = document.querySelectorAll('figure.embed-video[data-embed-src]');
  Array.prototype.forEach.call(boxes, function (box) {
    var src = box.getAttribute('data-embed-src');
    var label = box.getAttribute('data-embed-play');
    if (!PLAYER.test(src) || !label) {
      return;
    }
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'embed-play';
    button.textContent = label;
    button.addEventListener('click', function () {
      var frame = document.createElement('iframe');
      frame.src = src;
      frame.title = box.getAttribute('data-embed-title') || label;
      frame.allow = 'autoplay; encrypted-media; fullscreen; picture-in-picture';
      frame.setAttribute('allowfullscreen', '');
      frame.referrerPolicy = 'strict-origin-when-cross-origin';
      frame.className = 'embed-frame';
      box.replaceChild(frame, button);
      box.classList.add('embed-loaded');
      frame.focus();
    });
    box.insertBefore(button, box.firstChild);
  });
})();
