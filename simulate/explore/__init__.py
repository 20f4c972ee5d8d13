"""The classroom explorer: ``unsc explore`` serves a page where a click on a seat replays the vote.

:mod:`.api` holds the JSON API as plain functions, :mod:`.server` the standard library's
HTTP server around it, ``static/`` the page (HTML, CSS and JavaScript, no framework, no
network). ``API.md`` documents the endpoints. The page holds no rule logic: every decision,
reason and flip comes from the engine.
"""
