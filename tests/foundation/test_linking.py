"""Related stories and previous/next, on plain objects."""

from datetime import datetime
from types import SimpleNamespace as Story

from kabarkim.content.linking import link_neighbours, link_related


def story(name, day, category="Berita", kim="a", tags=()):
    return Story(title=name, date=datetime(2026, 1, day), category=category, kim=kim,
                 tags=[Story(slug=t) for t in tags])


def test_related_prefers_shared_tags_then_category_then_kim_then_newest():
    target = story("target", 10, "Pertanian", "a", ["padi", "panen"])
    both_tags = story("both tags", 1, "Budaya", "b", ["padi", "panen"])
    one_tag = story("one tag", 2, "Budaya", "b", ["padi"])
    same_category = story("same category", 3, "Pertanian", "b")
    same_kim_old = story("same kim old", 4, "Budaya", "a")
    same_kim_new = story("same kim new", 5, "Budaya", "a")
    unrelated = story("unrelated", 9, "Wisata", "c")
    stories = [target, both_tags, one_tag, same_category, same_kim_old, same_kim_new, unrelated]
    link_related(stories, count=10)
    assert [s.title for s in target.related] == [
        "both tags", "one tag", "same category", "same kim new", "same kim old"]
    assert unrelated.related == []


def test_neighbours_by_date():
    a, b, c = story("a", 1), story("b", 2), story("c", 3)
    link_neighbours([c, a, b])
    assert (a.prev_article, a.next_article) == (None, b)
    assert (b.prev_article, b.next_article) == (a, c)
    assert (c.prev_article, c.next_article) == (b, None)
