/* Light YouTube embed (kabar): the thumbnail link becomes a youtube-nocookie
   iframe only when the reader presses play. No inline script, no CDN.
   Without JavaScript the link simply opens the video on YouTube. */
(function () {
  "use strict";
  var VALID_ID = /^[A-Za-z0-9_-]{11}$/;
  function play(link) {
    var id = link.getAttribute("data-video-id") || "";
    if (!VALID_ID.test(id)) { return false; }
    var frame = document.createElement("iframe");
    frame.src = "https://www.youtube-nocookie.com/embed/" + id + "?autoplay=1&rel=0";
    frame.title = link.getAttribute("data-video-title") || "Video YouTube";
    frame.width = "560";
    frame.height = "315";
    frame.setAttribute("allow", "accelerometer; autoplay; encrypted-media; gyroscope; picture-in-picture");
    frame.setAttribute("allowfullscreen", "");
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    frame.className = "video-frame";
    link.parentNode.replaceChild(frame, link);
    frame.focus();
    return true;
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.video-thumb[data-video-id]") : null;
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) { return; }
    if (play(link)) { event.preventDefault(); }
  });
})();
