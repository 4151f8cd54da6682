"""The catalogue of matrix derivatives: a registry of identities, each checked when the site builds.

`snippets.catalog.registry` gathers every entry from the family modules into `IDENTITIES` and
`MATRIX_IDENTITIES`; import them and re-run any check yourself with
`snippets.checks.catalog.identity`.
"""
