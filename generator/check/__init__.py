"""Stage 2, check: located documents -> the immutable model, or every problem at once.

- ``spec``: a small declarative type system (checks values, describes JSON Schema);
- ``schema``: the shape of each catalogue file kind, written once with ``spec``;
- ``validate``: the contract's rules across files, and construction of the model;
- ``lint``: quality warnings of a valid catalogue;
- ``report``: problems as terminal text, JSON, GitHub or GitLab annotations.
"""
