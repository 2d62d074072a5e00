"""Pelican generator for KIM profiles and the directory and kapanewon pages."""

from kabarkim.content.kinds import Kim, KindGenerator

from . import model


class KimGenerator(KindGenerator):
    content_class = Kim
    context_key = "kims"
    file_name = "profil.md"
    template_var = "kim"

    def generate_context(self):
        super().generate_context()
        articles = self.context.get("articles", [])
        model.attach_articles(self.items, articles)
        groups = model.group_by_kapanewon(self.items)
        model.collect_kapanewon_articles(groups)
        self.kapanewon = groups
        self.context["kapanewon_list"] = groups
        self.context["directory_summary"] = model.directory_summary(self.items, groups)
        self.context["kims_by_slug"] = {kim.slug: kim for kim in self.items}

    def sort_key(self, item):
        return item.title.lower()

    def generate_output(self, writer):
        common = {"relative_urls": self.settings["RELATIVE_URLS"]}
        writer.write_file(
            "kim/index.html", self.get_template("kim_index"), self.context,
            url="kim/", page_name="kim/", **common,
        )
        for kim in self.items:
            writer.write_file(
                kim.save_as, self.get_template(kim.template), self.context,
                paginated={"articles": kim.articles}, template_name="kim",
                url=kim.url, page_name=kim.url.rstrip("/"), kim=kim, **common,
            )
        for group in self.kapanewon:
            writer.write_file(
                group.save_as, self.get_template("kapanewon"), self.context,
                paginated={"articles": group.articles}, template_name="kapanewon",
                url=group.url, page_name=group.url.rstrip("/"), kapanewon=group, **common,
            )
