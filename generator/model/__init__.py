"""Stage 3, model: the immutable handbook and what is derived from it.

- ``handbook``: the frozen dataclasses every later stage works on;
- ``relations``: derived facts (role order, who needs what, path steps, nearby roles);
- ``diff``: what changed between two editions, as data;
- ``wordiff``: a word-level difference of two texts.
"""
