"""Commands beyond the pipeline: the live preview, printed sheets, comparing editions.

``cli.py`` parses arguments and calls these, or ``pipeline.py`` directly.
"""
