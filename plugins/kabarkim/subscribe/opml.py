"""OPML 2.0 list of feeds, so a reader can follow every KIM in one step."""

import xml.etree.ElementTree as ET


def opml_document(title: str, feeds, feed_domain: str, siteurl: str) -> str:
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    body = ET.SubElement(root, "body")
    for feed in feeds:
        ET.SubElement(body, "outline", type="rss", text=feed.title, title=feed.title,
                      xmlUrl=f"{feed_domain}/{feed.atom}", htmlUrl=f"{siteurl}/{feed.page_url}")
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
