import Foundation
import Testing

@testable import Interlink

/// Sites with translations: which language each page is in, and that a page links only within its
/// language, as if its translations were not there.
@Suite struct SiteLanguagesTests {
    /// ExampleSite's files, relative path → text.
    static func exampleFiles() throws -> [String: String] {
        try ArticleCacheTests.exampleFiles().mapValues { String(decoding: $0, as: UTF8.self) }
    }

    /// What a suggestion says, its paths without their language parts, and its score.
    struct Pick: Hashable {
        var source: String
        var target: String
        var anchor: String
        var offset: Int
        var score: Double

        /// The same suggestion with a score within 0.005: the relatedness of two pages moves in the third
        /// decimal when every word is in twice as many pages (the inverse document frequency is smoothed).
        func isAbout(_ other: Pick) -> Bool {
            (source, target, anchor, offset) == (other.source, other.target, other.anchor, other.offset)
                && abs(score - other.score) <= 0.005
        }
    }

    static func same(_ first: [Pick], _ second: [Pick]) -> Bool {
        first.count == second.count && zip(first, second).allSatisfy { $0.isAbout($1) }
    }

    /// The suggestions for the sources `keep` accepts, their paths renamed; without their offsets when
    /// the files were edited before them (the translations' links are three bytes longer).
    static func picks(
        _ files: [String: String], keeping keep: (String) -> Bool, renaming rename: (String) -> String = { $0 },
        offsets: Bool = true
    ) async throws -> [Pick] {
        let site = try TemporarySite(files)
        let loaded = await site.load()
        #expect(loaded.diagnostics.isEmpty)
        let suggester = Suggester(site: loaded.site, graph: LinkGraph(site: loaded.site))
        return suggester.suggest().suggestions.filter { keep($0.source) }.map {
            Pick(source: rename($0.source), target: rename($0.target), anchor: $0.anchor, offset: offsets ? $0.offset : 0,
                score: $0.score)
        }
    }

    /// ExampleSite (Hugo) with a French twin of every page (`x.fr.md`, the same text) and both languages
    /// configured: the English pages get exactly the suggestions they get alone, and the French ones the
    /// same links among the French pages. Counted over every language, each title named two pages (and
    /// was twice as common), which took most suggestions under the threshold.
    @Test func aTranslatedTwinOfEveryPageLeavesEachLanguagesSuggestionsAsTheyWereAlone() async throws {
        let english = try Self.exampleFiles()
        var both = english
        // The translations link to the French pages' URLs, as translators write them (the `relref` finds
        // the French page by itself).
        for (path, text) in english where path.hasSuffix(".md") {
            both[String(path.dropLast(3)) + ".fr.md"] = text.replacingOccurrences(of: "](/posts/", with: "](/fr/posts/")
        }
        both["hugo.toml"]! += "\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n"
        let alone = try await Self.picks(english, keeping: { _ in true })
        #expect(alone.count > 20)
        let englishOfBoth = try await Self.picks(both, keeping: { !$0.hasSuffix(".fr.md") })
        #expect(Self.same(englishOfBoth, alone), "\(englishOfBoth)")
        let frenchOfBoth = try await Self.picks(
            both, keeping: { $0.hasSuffix(".fr.md") }, renaming: { $0.replacingOccurrences(of: ".fr.md", with: ".md") },
            offsets: false)
        let aloneAnywhere = try await Self.picks(english, keeping: { _ in true }, offsets: false)
        #expect(Self.same(frenchOfBoth, aloneAnywhere), "\(frenchOfBoth)")
        let site = try TemporarySite(both)
        let loaded = await site.load()
        #expect(try loaded.article("content/posts/anchor-text.fr.md").url == "/fr/posts/anchor-text/")
        #expect(try loaded.article("content/posts/anchor-text.md").url == "/posts/anchor-text/")
        #expect(try loaded.article("content/posts/_index.fr.md").kind == .section)
        #expect(try loaded.article("content/posts/_index.fr.md").url == "/fr/posts/")
        #expect(try loaded.article("content/_index.fr.md").url == "/fr/")
        #expect(loaded.site.languages.tags == ["en", "fr"])
        // The French home and section pages are where French readers start, as the English ones are.
        let entries = EntryPages.detect(site: loaded.site).entries.map { loaded.site.articles[$0].path }
        #expect(entries.contains("content/_index.fr.md") && entries.contains("content/posts/_index.fr.md"))
        #expect(EntryPages.isFolderIndex("content/posts/bundle/index.fr.md"))
    }

    /// The same with the translations in a language folder of a plain site (`fr/posts/x.md`), found by
    /// their twins alone.
    @Test func aLanguageFolderMirroringTheSiteIsALanguage() async throws {
        let english = try Self.exampleFiles().filter { $0.key.hasPrefix("content/") }
            .reduce(into: [String: String]()) { $0[String($1.key.dropFirst("content/".count))] = $1.value }
        var both = english
        for (path, text) in english {
            both["fr/" + path] = text.replacingOccurrences(of: "](/posts/", with: "](/fr/posts/")
                .replacingOccurrences(of: "relref \"posts/", with: "relref \"fr/posts/")
        }
        let alone = try await Self.picks(english, keeping: { _ in true })
        #expect(alone.count > 20)
        #expect(Self.same(try await Self.picks(both, keeping: { !$0.hasPrefix("fr/") }), alone))
        let french = try await Self.picks(
            both, keeping: { $0.hasPrefix("fr/") }, renaming: { $0.replacingOccurrences(of: "fr/", with: "") },
            offsets: false)
        #expect(Self.same(french, try await Self.picks(english, keeping: { _ in true }, offsets: false)))
    }

    static func languages(_ files: [String: String]) async throws -> [String: String?] {
        let site = try TemporarySite(files)
        let loaded = await site.load()
        return Dictionary(uniqueKeysWithValues: loaded.site.articles.indices.map {
            (loaded.site.articles[$0].path, loaded.site.languages.language(of: $0))
        })
    }

    @Test func aFolderOrSuffixWithoutTwinsIsNoLanguage() async throws {
        // `ml/` and `it/` of a site about machine learning and IT, a `.v1` and a `.ts` suffix without twins.
        let languages = try await Self.languages([
            "ml/models.md": "Models.\n", "ml/training.md": "Training.\n", "it/helpdesk.md": "Help.\n",
            "index.md": "Home.\n", "notes.v1.md": "Notes.\n", "app.ts.md": "App.\n", "models.md": "Other models.\n",
        ])
        #expect(languages.values.allSatisfy { $0 == nil })
    }

    @Test func aFolderOfTwinsIsALanguageAndTheRestIsAnother() async throws {
        let languages = try await Self.languages([
            "guide/intro.md": "Intro.\n", "guide/setup.md": "Setup.\n", "about.md": "About.\n",
            "it/guide/intro.md": "Introduzione.\n", "it/guide/setup.md": "Installazione.\n",
        ])
        #expect(languages["it/guide/intro.md"] == "it")
        #expect(languages["it/guide/setup.md"] == "it")
        #expect(languages["guide/intro.md"] == "")
        #expect(languages["about.md"] == "")
    }

    /// Obsidian's help vault: `en/`, `fr/`, `zh/` side by side, each translation's notes named in its own
    /// language (no twins); a page outside them is in a language of its own.
    @Test func languageFoldersSideBySideAreLanguagesWithoutTwins() async throws {
        let languages = try await Self.languages([
            ".obsidian/app.json": "{}",
            "en/Linking notes and files/Internal links.md": "Links.\n", "en/Canvas.md": "Canvas.\n",
            "fr/Lier des notes/Liens internes.md": "Liens.\n", "fr/Canevas.md": "Canevas.\n",
            "zh/链接笔记/内部链接.md": "链接。\n", "README.md": "Read me.\n",
        ])
        #expect(languages["en/Canvas.md"] == "en")
        #expect(languages["fr/Canevas.md"] == "fr")
        #expect(languages["zh/链接笔记/内部链接.md"] == "zh")
        #expect(languages["README.md"] == "")
        // Without English among them, two such folders are sections (`it/` and `ml/` of a tech site).
        let sections = try await Self.languages([
            "it/helpdesk.md": "Help.\n", "it/laptops.md": "Laptops.\n", "ml/models.md": "Models.\n", "ml/data.md": "Data.\n",
        ])
        #expect(sections.values.allSatisfy { $0 == nil })
    }

    @Test func suffixTwinsAreLanguagesAsMkDocsStaticI18nWritesThem() async throws {
        let languages = try await Self.languages([
            "mkdocs.yml": "site_name: Docs\n",
            "docs/index.md": "Home.\n", "docs/index.de.md": "Start.\n", "docs/setup.md": "Setup.\n",
            "docs/setup.pt_BR.md": "Instalação.\n",
        ])
        #expect(languages["docs/index.de.md"] == "de")
        #expect(languages["docs/setup.pt_BR.md"] == "pt")
        #expect(languages["docs/index.md"] == "")
    }

    @Test func frontMatterLanguagesCountWhenPagesNameTwo() async throws {
        let one = try await Self.languages([
            "a.md": "---\nlang: en\n---\nA.\n", "b.md": "---\nlang: en-US\n---\nB.\n", "c.md": "C.\n",
        ])
        #expect(one.values.allSatisfy { $0 == nil })
        let two = try await Self.languages([
            "a.md": "---\nlang: en\n---\nA.\n", "b.md": "---\nlanguage: de_DE\n---\nB.\n", "c.md": "C.\n",
        ])
        #expect(two["a.md"] == "en")
        #expect(two["b.md"] == "de")
        #expect(two["c.md"] == "")
        // Jekyll (Polyglot): `default_lang` is the language of the pages that name none.
        let jekyll = try await Self.languages([
            "_config.yml": "default_lang: en\nlanguages: [en, fr]\n",
            "a.md": "---\nlang: fr\n---\nA.\n", "b.md": "B.\n",
        ])
        #expect(jekyll["a.md"] == "fr")
        #expect(jekyll["b.md"] == "en")
    }

    @Test func aRegionIsItsLanguageUnlessTheSiteHasTwoRegionsOfIt() {
        #expect(SiteLanguages.canonicalForms(["en", "en-us", "fr"]) == ["en": "en", "en-us": "en", "fr": "fr"])
        #expect(SiteLanguages.canonicalForms(["pt-br", "pt-pt"]) == ["pt-br": "pt-br", "pt-pt": "pt-pt"])
        #expect(LanguageTag.normalized("zh_Hant_TW") == "zh-hant-tw")
        #expect(LanguageTag.normalized("english") == nil)
        #expect(LanguageTag.normalized("xx", knownPrimary: true) == nil)
        #expect(LanguageTag.suffix(ofStem: "index.fr")! == ("index", "fr"))
        #expect(LanguageTag.suffix(ofStem: "notes.v1") == nil)
    }

    /// Hugo with a content folder per language (`content/fr/`), set in a configuration folder: pages are in
    /// their folder's language, published under `/fr/`, and a `relref` or `.md` path means the page of
    /// the linking page's language, as Hugo resolves it.
    @Test func hugoContentFoldersPerLanguageAndReferencesInTheLinkingPagesLanguage() async throws {
        let page = { (title: String) in "---\ntitle: \"\(title)\"\n---\nText.\n" }
        let site = try TemporarySite([
            "config/_default/hugo.toml": "baseURL = \"https://example.org/\"\ndefaultContentLanguage = \"en\"\n",
            "config/_default/languages.toml": "[en]\ncontentDir = \"content/en\"\n[fr]\ncontentDir = \"content/fr\"\n",
            "content/en/posts/cdn.md": page("Content Delivery Network"),
            "content/fr/posts/cdn.md": page("Content Delivery Network"),
            "content/en/posts/caching.md": page("Caching"),
            "content/fr/posts/caching.md": page("Caching"),
            "content/fr/posts/lb.md":
                "---\ntitle: Load Balancing\n---\nSee [the CDN]({{< relref \"/posts/cdn.md\" >}}), [caching]({{< ref \"caching\" >}}) and [it](cdn.md).\n",
        ])
        let loaded = await site.load()
        #expect(loaded.site.layout.generator == .hugo)
        #expect(loaded.site.layout.contentDirectories.sorted() == ["content", "content/en", "content/fr"])
        #expect(try loaded.article("content/fr/posts/cdn.md").url == "/fr/posts/cdn/")
        #expect(try loaded.article("content/en/posts/cdn.md").url == "/posts/cdn/")
        #expect(
            loaded.resolvedTargets(of: "content/fr/posts/lb.md")
                == ["content/fr/posts/cdn.md", "content/fr/posts/caching.md", "content/fr/posts/cdn.md"])
    }

    @Test func hugoDefaultLanguageInASubfolder() async throws {
        let site = try TemporarySite([
            "hugo.yaml": "defaultContentLanguage: de\ndefaultContentLanguageInSubdir: true\nlanguages:\n  de: {weight: 1}\n  en: {weight: 2}\n",
            "content/posts/a.md": "A.\n", "content/posts/a.en.md": "A.\n",
        ])
        let loaded = await site.load()
        #expect(try loaded.article("content/posts/a.md").url == "/de/posts/a/")
        #expect(try loaded.article("content/posts/a.en.md").url == "/en/posts/a/")
    }

    /// `anchor-conflict` compares anchors within a language: "Caching" links to the English page from
    /// English pages and to the French one from French pages.
    @Test func anchorsOfTranslationsDoNotConflict() async throws {
        let site = try TemporarySite([
            "hugo.toml": "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
            "content/caching.md": "---\ntitle: Caching\n---\nText.\n",
            "content/caching.fr.md": "---\ntitle: Caching\n---\nTexte.\n",
            "content/a.md": "---\ntitle: A\n---\nSee [Caching](/caching/).\n",
            "content/a.fr.md": "---\ntitle: A\n---\nVoir [Caching](/fr/caching/).\n",
        ])
        let loaded = await site.load()
        let graph = LinkGraph(site: loaded.site)
        let findings = Auditor(site: loaded.site, graph: graph).run().findings
        #expect(!findings.contains { $0.rule == .anchorConflict }, "\(findings.filter { $0.rule == .anchorConflict })")
        #expect(!findings.contains { $0.rule == .brokenLink })
    }

    /// MkDocs with mkdocs-static-i18n: translations as suffixes (the default) are published under `/fr/`,
    /// the default language at the root, and a `.md` path written in a French page means the French page
    /// (the plugin links each language's pages among themselves).
    @Test func mkdocsStaticI18nSuffixesArePublishedUnderTheirLanguage() async throws {
        let site = try TemporarySite([
            "mkdocs.yml": """
                site_name: Docs
                plugins:
                  - search
                  - i18n:
                      languages:
                        - locale: en
                          default: true
                          name: English
                        - locale: fr
                          name: Français

                """,
            "docs/index.md": "# Home\n\nSee [setup](setup.md).\n", "docs/index.fr.md": "# Accueil\n\nVoir [setup](setup.md).\n",
            "docs/setup.md": "# Setup\n\nText.\n", "docs/setup.fr.md": "# Installation\n\nTexte.\n",
        ])
        let loaded = await site.load()
        #expect(loaded.site.layout.languages?.codes == ["en", "fr"])
        #expect(try loaded.article("docs/setup.fr.md").url == "/fr/setup/")
        #expect(try loaded.article("docs/index.fr.md").url == "/fr/")
        #expect(try loaded.article("docs/setup.md").url == "/setup/")
        #expect(loaded.resolvedTargets(of: "docs/index.fr.md") == ["docs/setup.fr.md"])
        #expect(loaded.resolvedTargets(of: "docs/index.md") == ["docs/setup.md"])
    }

    /// The plugin's folder structure (and its settings before version 1: `default_language` and a mapping
    /// of languages): `docs/en/` is published at the root, `docs/fr/` under `/fr/`.
    @Test func mkdocsStaticI18nFoldersArePublishedUnderTheirLanguage() async throws {
        let site = try TemporarySite([
            "mkdocs.yml": """
                site_name: Docs
                plugins:
                  - i18n:
                      docs_structure: folder
                      default_language: en
                      languages:
                        en: English
                        de: Deutsch

                """,
            "docs/en/guide/setup.md": "# Setup\n\nText.\n", "docs/de/guide/setup.md": "# Einrichtung\n\nText.\n",
            "docs/en/index.md": "# Home\n\nHello.\n", "docs/de/index.md": "# Start\n\nHallo.\n",
        ])
        let loaded = await site.load()
        #expect(try loaded.article("docs/en/guide/setup.md").url == "/guide/setup/")
        #expect(try loaded.article("docs/de/guide/setup.md").url == "/de/guide/setup/")
        #expect(try loaded.article("docs/de/index.md").url == "/de/")
        let languages = loaded.site.languages
        #expect(languages.language(of: loaded.site.index(ofPath: "docs/de/index.md")!) == "de")
        #expect(languages.language(of: loaded.site.index(ofPath: "docs/en/index.md")!) == "en")
    }

    /// In the plugin's folders a link crossing into another language's folder (`../en/guide/setup.md` in a
    /// German page) names that page on purpose and is read as written; a path inside the page's own
    /// folder stays in its language.
    @Test func aPathThroughAnotherLanguagesFolderIsReadAsWritten() async throws {
        let site = try TemporarySite([
            "mkdocs.yml": """
                site_name: Docs
                plugins:
                  - i18n:
                      docs_structure: folder
                      languages:
                        - locale: en
                          default: true
                        - locale: de

                """,
            "docs/en/guide/setup.md": "# Setup\n\nText.\n", "docs/de/guide/setup.md": "# Einrichtung\n\nText.\n",
            "docs/en/index.md": "# Home\n\nSee [setup](guide/setup.md).\n",
            "docs/de/index.md": "# Start\n\nDas [Original](../en/guide/setup.md) und [hier](guide/setup.md).\n",
        ])
        let loaded = await site.load()
        #expect(loaded.site.layout.languages?.codes == ["de", "en"])
        #expect(loaded.resolvedTargets(of: "docs/de/index.md") == ["docs/en/guide/setup.md", "docs/de/guide/setup.md"])
        #expect(loaded.resolvedTargets(of: "docs/en/index.md") == ["docs/en/guide/setup.md"])
    }

    /// Which written paths name a language themselves: a folder of it on the way or its suffix on the
    /// file name, compared in canonical form; any other folder or suffix does not.
    @Test func aWrittenPathNamesALanguageByFolderOrSuffix() {
        #expect(SiteLanguages.path("../en/guide/setup.md", namesLanguage: "en"))
        #expect(SiteLanguages.path("/fr/setup.md", namesLanguage: "fr"))
        #expect(SiteLanguages.path("setup.en.md", namesLanguage: "en"))
        #expect(SiteLanguages.path("../en-US/setup.md", namesLanguage: "en"))
        #expect(SiteLanguages.path("../pt/setup.md", namesLanguage: "pt-br"))
        #expect(!SiteLanguages.path("../en/setup.md", namesLanguage: "fr"))
        #expect(!SiteLanguages.path("setup.md", namesLanguage: "en"))
        #expect(!SiteLanguages.path("../guide/setup.md", namesLanguage: "en"))
        #expect(!SiteLanguages.path("en.md", namesLanguage: "en"))
        #expect(!SiteLanguages.path("setup.min.md", namesLanguage: "en"))
        #expect(!SiteLanguages.path("../en/setup.md", namesLanguage: ""))
    }

    /// A language's content folder inside another's (`content/fr` in `content`) is looked at first, also
    /// after the folders are changed.
    @Test func theLongestContentFolderDecidesAPagesLanguage() {
        var languages = ConfiguredLanguages(
            codes: ["en", "fr"], defaultCode: "en", contentDirectories: ["content": "en", "content/fr": "fr"])
        #expect(languages.language(ofPath: "content/fr/a.md").code == "fr")
        #expect(languages.language(ofPath: "content/a.md").code == "en")
        #expect(languages.language(ofPath: "content/free/a.md").code == "en")
        languages.contentDirectories = ["site": "fr", "site/en": "en"]
        #expect(languages.language(ofPath: "site/a.md").code == "fr")
        #expect(languages.language(ofPath: "site/en/a.md").code == "en")
        #expect(languages.language(ofPath: "content/fr/a.md").code == "en")
    }

    /// `other-language-link`: a translation that kept the original's link to a page that has a translation
    /// of its own; a link to a page with no translation in the linking page's language is no finding.
    @Test func aTranslationLinkingTheOriginalsPageIsFound() async throws {
        let site = try TemporarySite([
            "hugo.toml": "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
            "content/caching.md": "---\ntitle: Caching\n---\nText.\n",
            "content/caching.fr.md": "---\ntitle: Caching\n---\nTexte.\n",
            "content/cdn.md": "---\ntitle: CDN\n---\nText.\n",
            "content/a.fr.md": "---\ntitle: A\n---\nVoir [le cache](/caching/) et [le CDN](/cdn/).\n",
        ])
        let loaded = await site.load()
        let findings = Auditor(site: loaded.site, graph: LinkGraph(site: loaded.site)).run().findings
            .filter { $0.rule == .otherLanguageLink }
        #expect(findings.count == 1)
        #expect(findings.first?.path == "content/a.fr.md")
        #expect(findings.first?.target == "content/caching.md")
        #expect(findings.first?.fix?.description == "link to its translation /fr/caching/ (content/caching.fr.md) instead")
    }
}
