#!/usr/bin/env bash
# Makes the small page pictures in docs/images/ from the demo guide (needs poppler-utils).
# Run after a change that alters the look: bash scripts/readme-images.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
node bin/studyguide.js build content/soviet-nato-1954 --out "$out" -q
mkdir -p docs/images
page() { # edition, page number, name
  pdftoppm -r 40 -f "$2" -l "$2" -png -singlefile "$out/soviet-nato-1954.$1.pdf" "docs/images/$3"
}
pages=$(pdfinfo "$out/soviet-nato-1954.teacher.pdf" | awk '/^Pages:/ {print $2}')
page student 1 student-cover
page student 4 student-timeline
page student 6 student-questions
page teacher "$pages" teacher-appendix
ls -la docs/images
