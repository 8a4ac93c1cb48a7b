// practice-bot serve: point textual.js at this server's own /ws (same host and port as the page),
// before textual.js reads the address on window.onload.
document.addEventListener("DOMContentLoaded", function () {
  var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
  var url = scheme + window.location.host + "/ws";
  document.querySelectorAll(".textual-terminal").forEach(function (el) {
    el.dataset.sessionWebsocketUrl = url;
  });
});
