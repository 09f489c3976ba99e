"""Installer for the traite_portal package."""

from pathlib import Path
from setuptools import find_packages
from setuptools import setup


long_description = Path("README.md").read_text(encoding="utf-8")

setup(
    name="traite_portal",
    version="1.0.0.dev0",
    description=(
        "Plone portal for the legal texts of France's fight against "
        "human trafficking"
    ),
    long_description=long_description,
    long_description_content_type="text/markdown",
    classifiers=[
        "Framework :: Plone",
        "Framework :: Plone :: 6.2",
        "Framework :: Plone :: Addon",
        "Programming Language :: Python :: 3.11",
        "License :: OSI Approved :: GNU General Public License v2 (GPLv2)",
    ],
    keywords="Plone traite legal",
    license="GPL version 2",
    packages=find_packages("src"),
    package_dir={"": "src"},
    include_package_data=True,
    zip_safe=False,
    python_requires=">=3.11",
    install_requires=[
        "setuptools<81",
        "Products.CMFPlone",
        "plone.api",
        "plone.restapi",
        "plone.distribution",
        "plone.app.caching",
        "plone.app.contenttypes",
        "plone.app.dexterity",
        "plone.app.relationfield",
        "plone.app.discussion",
        "collective.exportimport",
        "lxml>=6.1.3",  # Akoma Ntoso import: the explicit parser (issue 9)
        # Search servers: Elasticsearch 8.x and OpenSearch 2.x clients.
        "elasticsearch>=8,<9",
        "opensearch-py",
        "tqdm",
        # The sync client (traite_sync): a maintained HTTP client with retries.
        "requests",
        "urllib3",
        "jsonschema",
        # French analysis of the legal search (Snowball; PyStemmer is its C speed-up).
        "snowballstemmer",
        "PyStemmer",
        # The catalog search scores and orders its matches as numpy columns.
        "numpy",
        "Unidecode",
        "plonetheme.barceloneta",
        "pygal",
        "openpyxl",
        "reportlab",
        # Webhook deliveries (timeouts, connection retries, guarded connections).
        "requests",
    ],
    extras_require={
        "test": [
            "plone.app.testing",
            "plone.restapi[test]",
            "pytest",
            "pytest-plone",
            "pytest-xdist",
            "build",
            "aiosmtpd",
            "ruff",
            "pypdf",
            "i18ndude",
            "playwright",
            "axe-playwright-python",
            "PyYAML",
        ],
    },
    entry_points={
        "z3c.autoinclude.plugin": ["target = plone"],
        "console_scripts": [
            "traite-import = traite_portal.commands.import_corpus:main",
            "traite-setup = traite_portal.commands.setup_site:main",
            "traite-notify-overdue = traite_portal.commands.notify_overdue:main",
            "traite-search-reindex = traite_portal.commands.search_reindex:main",
            "traite-export = traite_portal.commands.export_site:main",
            "traite-import-site = traite_portal.commands.import_site:main",
            "traite-akn-import = traite_portal.commands.akn_import:main",
            "traite-akn-export = traite_portal.commands.akn_export:main",
            "traite-sync = traite_sync.cli:main",
            "traite-webhooks = traite_portal.commands.webhooks_worker:main",
        ],
        # zope.ini's pipeline: the webhooks worker thread of the server.
        "paste.filter_factory": [
            "webhooks = traite_portal.webhooks.wsgi:filter_factory",
        ],
    },
)
