// Gollum custom.js: loaded because :js => true in config.rb
// Opens external links in a new tab.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('.markdown-body a[href^="http"]').forEach(function (a) {
    a.setAttribute('target', '_blank');
    a.setAttribute('rel', 'noopener');
  });
});
