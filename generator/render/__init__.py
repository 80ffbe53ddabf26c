"""Stage 4, render: the model -> the texts of every page, sheet and download.

- ``plan``: the render plan: every file of a handbook's tree, gathered before writing;
- ``urls``: the one owner of page paths and links;
- ``views``, ``pathview``, ``matrix``, ``sheets``: what each page shows, decided in Python;
- ``environment``, ``fragments``, ``text``: Jinja2, render-once pieces, escaping;
- ``i18n``, ``words``: UI strings and the texts made from them (numbers, counts, editions);
- ``exports``, ``changes``, ``nav``, ``site``: downloads, change reports, navigation and
  the MkDocs configuration.
"""
