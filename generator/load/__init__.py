"""Stage 1, load: a catalogue folder (or an earlier edition of it) into located YAML trees.

- ``tree``: YAML text -> a tree of scalars, mappings and lists, each with its position;
- ``catalogue``: the files of a catalogue folder -> documents (kind, id, tree);
- ``edition``: a catalogue folder as of a git revision, for comparisons.
"""
