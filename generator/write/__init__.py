"""Stage 5, write: the only code that touches the output folder.

- ``writer``: makes a folder hold exactly the generated files, swapped in atomically;
- ``names``: which file names stay inside the folder they are written to;
- ``forked``: work done in a forked process, so that a second part uses a second core.
"""
