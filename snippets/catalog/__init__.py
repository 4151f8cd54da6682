"""The catalogue of matrix derivatives: a registry of identities, each checked when the site builds.

`IDENTITIES` and `MATRIX_IDENTITIES` list every entry, gathered from the family modules; import
them and re-run any check yourself.
"""
