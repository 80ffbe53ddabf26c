"""competency-handbook: YAML role catalogues -> a searchable MkDocs handbook."""

__version__ = "0.1.0"
