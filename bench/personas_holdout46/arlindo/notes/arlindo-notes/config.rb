# Gollum configuration for Arlindo's personal wiki.
# Start with:  gollum --config config.rb --port 4567 .
require 'gollum/app'

Precious::App.set(:wiki_options, {
  :css            => true,        # load custom.css from the wiki root
  :js             => true,        # load custom.js from the wiki root
  :emoji          => true,
  :h1_title       => true,        # use the first # heading as the page title
  :mathjax        => false,
  :critic_markup  => false,
  :universal_toc  => false,
  :template_page  => true,        # new pages start from _Template.md
  :show_all       => false,
  :allow_uploads  => true,
  :per_page_uploads => false,
  :index_page     => 'Home',
  :page_file_dir  => nil,
  :ref            => 'master',
  :default_keybind => 'none',
})

Precious::App.set(:default_markup, :markdown)

# Commits made from the web editor
Gollum::Hook.register(:post_commit, :push_backup) do |committer, sha1|
  # system('git', 'push', 'backup', 'master')   # disabled: no network at home most nights
end
