"""Links between stories: previous/next in time and related stories."""

from collections import defaultdict

RELATED_COUNT = 3


def link_neighbours(articles) -> None:
    """Set prev_article (older) and next_article (newer) on stories, by date."""
    ordered = sorted(articles, key=lambda a: a.date)
    for i, article in enumerate(ordered):
        article.prev_article = ordered[i - 1] if i > 0 else None
        article.next_article = ordered[i + 1] if i + 1 < len(ordered) else None


def _keys(article) -> list[tuple]:
    """What makes two stories related: a shared tag, the same category, the same KIM."""
    keys = [("tag", t.slug) for t in getattr(article, "tags", [])]
    return keys + [("category", str(article.category)), ("kim", getattr(article, "kim", None))]


def _score(key) -> int:
    """A shared tag counts most (it is specific), then the category, then the KIM."""
    return {"tag": 100, "category": 10, "kim": 1}[key[0]]


def link_related(articles, count: int = RELATED_COUNT) -> None:
    """Related stories, best first, ties to the newest; only stories sharing something.

    Stories are indexed by tag, category and KIM, so each story is compared only with
    those it shares something with (the whole set grows linearly, not quadratically).
    """
    index = defaultdict(list)
    for article in articles:
        for key in _keys(article):
            index[key].append(article)
    for article in articles:
        scores = defaultdict(int)
        for key in _keys(article):
            for other in index[key]:
                if other is not article:
                    scores[id(other)] += _score(key)
        others = {id(o): o for key in _keys(article) for o in index[key] if o is not article}
        ranked = sorted(others.values(), key=lambda o: (scores[id(o)], o.date), reverse=True)
        article.related = ranked[:count]
