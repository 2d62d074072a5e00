"""KIM directory: profiles, /kim/, /kim/<slug>/ and /kapanewon/<slug>/ with their stories."""

from pelican import signals

from .generator import KimGenerator


def get_generators(pelican):
    return KimGenerator


def register():
    signals.get_generators.connect(get_generators)
