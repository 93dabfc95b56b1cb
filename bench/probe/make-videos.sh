#!/usr/bin/env bash
# Makes the two 1080P MP4 files of 300 s the probe benchmark reads, once (kept in bench/out).
# Both have the same frames per second, so the same number of samples in their index: only the
# bit rate, hence the size of the media data before the index, differs. ffmpeg writes the index
# (moov) at the end of the file by default, as phones do.
set -euo pipefail
out=${1:-bench/out}
mkdir -p "$out"
make() {
  local name=$1; shift
  [ -f "$out/$name" ] && return
  ffmpeg -hide_banner -loglevel error -y -f lavfi -i testsrc2=size=1920x1080:rate=25 \
    -f lavfi -i sine=frequency=440:sample_rate=44100 -t 300 "$@" \
    -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -b:a 128k "$out/$name.part.mp4"
  mv "$out/$name.part.mp4" "$out/$name"
}
make probe-1080p-300s-small.mp4 -b:v 2M
# Noise makes every frame costly to compress, so the file really reaches the high bit rate.
make probe-1080p-300s-large.mp4 -vf noise=alls=40:allf=t -b:v 32M -maxrate 32M -bufsize 64M
