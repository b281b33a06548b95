"""Checks what tools/check-html.sh rendered: every screenshot shows a page
(not blank), every PDF has the pages it should, every SVG parses as XML.

Usage: python check-render.py DIR
"""
import glob
import os
import sys
import xml.etree.ElementTree as ET

from PIL import Image
from pypdf import PdfReader

# A4 pages each report should print on: enough for its sections, not one
# page per table.
PAGES = {"progress": (2, 5), "progress-plan": (2, 6), "plan-template": (1, 1), "network-30": (3, 14)}
# Reports whose printed text must show the network of agencies.
NETWORK = {"network-30", "early-years-network", "early-years-network-2027", "child-protection-hub"}
DEFAULT_PAGES = (2, 8)
# The closing note of a page that is not a report: the action plan's.
FOOTERS = {"plan-template": "Practice tips and the gaps they work on"}

failures = []
out = sys.argv[1]

for png in sorted(glob.glob(os.path.join(out, "*.png"))):
    image = Image.open(png).convert("L")
    histogram = image.histogram()
    pixels = image.width * image.height
    dark = sum(histogram[:200]) / pixels
    if dark < 0.02:
        failures.append(f"{png}: looks blank ({dark:.1%} of pixels not near white)")
    else:
        print(f"{os.path.basename(png)}: {image.width}x{image.height}, {dark:.1%} ink")

for pdf in sorted(glob.glob(os.path.join(out, "*.pdf"))):
    name = os.path.basename(pdf)[:-4]
    pages = len(PdfReader(pdf).pages)
    low, high = PAGES.get(name, DEFAULT_PAGES)
    width, height = (float(x) for x in PdfReader(pdf).pages[0].mediabox[2:])
    a4 = abs(width - 595.3) < 2 and abs(height - 841.9) < 2
    if not low <= pages <= high:
        failures.append(f"{pdf}: {pages} pages, expected {low} to {high}")
    elif not a4:
        failures.append(f"{pdf}: page size {width}x{height} pt, expected A4")
    else:
        text = "".join(page.extract_text() or "" for page in PdfReader(pdf).pages)
        footer = FOOTERS.get(name, "Levels after Frost")
        if footer not in text:
            failures.append(f"{pdf}: the footer is missing from the printed text")
        if name in NETWORK and "Who works with whom" not in text:
            failures.append(f"{pdf}: the network is missing from the printed text")
        print(f"{name}.pdf: {pages} A4 pages")

for svg in sorted(glob.glob(os.path.join(out, "*.svg"))):
    try:
        root = ET.parse(svg).getroot()
    except ET.ParseError as error:
        failures.append(f"{svg}: not XML: {error}")
        continue
    if root.tag != "{http://www.w3.org/2000/svg}svg" or "viewBox" not in root.attrib:
        failures.append(f"{svg}: not an SVG root with a viewBox")
    else:
        print(f"{os.path.basename(svg)}: well-formed SVG")

if failures:
    print("\n".join(failures), file=sys.stderr)
    sys.exit(1)
print("render checks passed")
