#!/bin/sh
# Runs the wiki on the laptop: http://localhost:4567
cd "$(dirname "$0")"
exec bundle exec gollum --config config.rb --port 4567 --host 127.0.0.1 .
