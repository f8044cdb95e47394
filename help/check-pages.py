#!/usr/bin/env python3
# check-pages.py: checks the user guide as a whole, as Yelp will show it
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-pages.py HELP_C_DIR --pages PAGE... --media FILE...
#
# The Mallard schema checks each page alone (help/meson.build runs xmllint
# for that); this checks what holds the pages together:
#  - every page in the folder is in the list that gets installed, and back;
#  - each page's id is its file name, and it has a title and a description;
#  - every link (xref) leads to an existing page, or section of a page;
#  - every page but the index is filed in a section of another page, and no
#    section of the index stays empty;
#  - every figure exists, is installed, has a text alternative, is used,
#    and is a small PNG.
# Prints "FILE: problem" for each problem found and exits 1 if there is any.

import argparse
import os
import sys
import xml.etree.ElementTree as ET

MAL = '{http://projectmallard.org/1.0/}'
MAX_FIGURE_BYTES = 150 * 1024
PNG_SIGNATURE = b'\x89PNG\r\n\x1a\n'


def text_of(element):
    return ''.join(element.itertext()).strip() if element is not None else ''


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('folder')
    parser.add_argument('--pages', nargs='+', required=True)
    parser.add_argument('--media', nargs='*', default=[])
    args = parser.parse_args()

    problems = []

    def problem(where, message):
        problems.append('{}: {}'.format(where, message))

    on_disk = sorted(name for name in os.listdir(args.folder) if name.endswith('.page'))
    for name in on_disk:
        if name not in args.pages:
            problem(name, 'not in help_pages of help/meson.build: it would not be installed')

    pages = {}       # id -> root element
    sections = {}    # id -> set of section ids
    for name in args.pages:
        path = os.path.join(args.folder, name)
        if not os.path.exists(path):
            problem(name, 'listed in help/meson.build but missing')
            continue
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError as error:
            problem(name, 'not well-formed: {}'.format(error))
            continue
        if root.tag != MAL + 'page':
            problem(name, 'the root element is not a Mallard page')
            continue
        page_id = root.get('id')
        if page_id != name[:-len('.page')]:
            problem(name, 'its id “{}” is not its file name'.format(page_id))
        if not text_of(root.find(MAL + 'title')):
            problem(name, 'no title')
        if not text_of(root.find(MAL + 'info/' + MAL + 'desc')):
            problem(name, 'no description (info/desc): topic lists show it')
        pages[page_id] = root
        sections[page_id] = {s.get('id') for s in root.iter(MAL + 'section') if s.get('id')}

    def resolves(xref):
        page_id, _, section_id = xref.partition('#')
        if page_id not in pages:
            return False
        return not section_id or section_id in sections[page_id]

    filed_in = set()  # "page#section" that some page is filed in
    for page_id, root in pages.items():
        where = page_id + '.page'
        for element in root.iter():
            xref = element.get('xref')
            if xref is not None and not resolves(xref):
                problem(where, 'the link to “{}” leads nowhere'.format(xref))
        guides = [link.get('xref') for link in root.findall(MAL + 'info/' + MAL + 'link')
                  if link.get('type') == 'guide']
        if page_id != 'index' and not any(g and resolves(g) and g.split('#')[0] != page_id
                                          for g in guides):
            problem(where, 'filed under no guide: no page links to it in its topics')
        filed_in.update(g for g in guides if g)

    if 'index' in pages:
        for section_id in sorted(sections['index']):
            if 'index#' + section_id not in filed_in:
                problem('index.page', 'the section “{}” lists no page'.format(section_id))
    else:
        problem(args.folder, 'no index.page: Yelp opens help:ssr-workbench there')

    used_media = set()
    for page_id, root in pages.items():
        where = page_id + '.page'
        for media in root.iter(MAL + 'media'):
            src = media.get('src')
            used_media.add(src)
            if src not in args.media:
                problem(where, '“{}” is not in help_media of help/meson.build'.format(src))
            if not os.path.exists(os.path.join(args.folder, src)):
                problem(where, '“{}” does not exist'.format(src))
            if media.get('type') == 'image' and not text_of(media):
                problem(where, '“{}” has no text alternative'.format(src))

    for src in args.media:
        path = os.path.join(args.folder, src)
        if src not in used_media:
            problem(src, 'installed but shown on no page')
        if not os.path.exists(path):
            continue
        if src.endswith('.png'):
            with open(path, 'rb') as png:
                if png.read(len(PNG_SIGNATURE)) != PNG_SIGNATURE:
                    problem(src, 'not a PNG file')
        if os.path.getsize(path) > MAX_FIGURE_BYTES:
            problem(src, 'larger than {} KB'.format(MAX_FIGURE_BYTES // 1024))

    figures = os.path.join(args.folder, 'figures')
    if os.path.isdir(figures):
        for name in sorted(os.listdir(figures)):
            if 'figures/' + name not in args.media:
                problem('figures/' + name, 'not in help_media of help/meson.build')

    for line in problems:
        print(line, file=sys.stderr)
    print('{} pages, {} figures, {} problems'.format(len(pages), len(args.media), len(problems)))

    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
