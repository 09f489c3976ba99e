#!/usr/bin/env python3
"""Download, start and stop single-node OpenSearch / Elasticsearch servers.

    python3 scripts/search_server.py fetch  opensearch|elasticsearch
    python3 scripts/search_server.py start  opensearch|elasticsearch
    python3 scripts/search_server.py stop   opensearch|elasticsearch|all
    python3 scripts/search_server.py status
    python3 scripts/search_server.py url    opensearch|elasticsearch

Used by ``make search-server``, ``make test`` and ``.ci/run``. Only the standard
library: it runs before the virtualenv exists.

- Downloads come from Maven Central through ``mvn`` into a Maven repository of
  the project (``.cache/search/m2``); the unpacked servers live in
  ``.cache/search/<engine>-<version>/`` (git-ignored, reused by later runs).
- OpenSearch's integ-test zip holds only the transport module: the French
  analysis (``analysis-common``) and ``lang-painless``, which it extends, are
  added as modules from their Maven artifacts.
- Elasticsearch's integ-test zip has no published analysis modules: no
  ``french`` analyzer, elision, stemmer, folding or synonyms. The portal's
  backend detects that and analyses text itself.
- Both refuse to run as root: as root, the server runs as the system user
  ``traite-search`` (created if needed) through ``runuser``.
- A node's data, logs and pid live in ``$SEARCH_SERVER_HOME/<engine>/``
  (default ``var/search``), small heap (``-Xms256m -Xmx512m``), security off,
  bound to 127.0.0.1.
"""

from pathlib import Path

import argparse
import json
import os
import pwd
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile


ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(os.environ.get("SEARCH_SERVER_CACHE", ROOT / ".cache" / "search"))
HOME = Path(os.environ.get("SEARCH_SERVER_HOME", ROOT / "var" / "search"))
RUN_AS = "traite-search"
HEAP = "-Xms256m -Xmx512m"
JAVA_17 = "/usr/lib/jvm/java-17-openjdk-amd64"
START_TIMEOUT = 180

OPENSEARCH_VERSION = "2.19.6"
ELASTICSEARCH_VERSION = "8.19.8"

ENGINES = {
    "opensearch": {
        "version": OPENSEARCH_VERSION,
        "artifact": "org.opensearch.distribution.integ-test-zip:opensearch:"
        f"{OPENSEARCH_VERSION}:zip",
        "http_port": int(os.environ.get("OPENSEARCH_PORT", "9250")),
        "transport_port": int(os.environ.get("OPENSEARCH_TRANSPORT_PORT", "9350")),
        "binary": "bin/opensearch",
        "config_file": "opensearch.yml",
        "java_home_var": "OPENSEARCH_JAVA_HOME",
        "java_opts_var": "OPENSEARCH_JAVA_OPTS",
        "tmpdir_var": "OPENSEARCH_TMPDIR",
        "path_conf_var": "OPENSEARCH_PATH_CONF",
        "settings": {},
    },
    "elasticsearch": {
        "version": ELASTICSEARCH_VERSION,
        "artifact": "org.elasticsearch.distribution.integ-test-zip:elasticsearch:"
        f"{ELASTICSEARCH_VERSION}:zip",
        "http_port": int(os.environ.get("ELASTICSEARCH_PORT", "9260")),
        "transport_port": int(os.environ.get("ELASTICSEARCH_TRANSPORT_PORT", "9360")),
        "binary": "bin/elasticsearch",
        "config_file": "elasticsearch.yml",
        "java_home_var": "ES_JAVA_HOME",
        "java_opts_var": "ES_JAVA_OPTS",
        "tmpdir_var": "ES_TMPDIR",
        "path_conf_var": "ES_PATH_CONF",
        "settings": {"xpack.security.enabled": "false"},
    },
}

# Modules added to OpenSearch's integ-test distribution (name → artifacts,
# descriptor). Each jar is copied without its transitive dependencies: the
# painless SPI depends on org.opensearch:opensearch, already in lib/, and a
# second copy kills the node ("jar hell").
OPENSEARCH_MODULES = {
    "lang-painless": {
        "artifacts": [
            f"org.opensearch.plugin:lang-painless:{OPENSEARCH_VERSION}",
            "org.opensearch.plugin:opensearch-scripting-painless-spi:"
            f"{OPENSEARCH_VERSION}",
            "org.antlr:antlr4-runtime:4.13.1",
            "org.ow2.asm:asm:9.7",
            "org.ow2.asm:asm-analysis:9.7",
            "org.ow2.asm:asm-commons:9.7",
            "org.ow2.asm:asm-tree:9.7",
            "org.ow2.asm:asm-util:9.7",
        ],
        "classname": "org.opensearch.painless.PainlessPlugin",
        "description": "Painless scripting language",
        "extended": "",
        "policy": "grant {\n"
        '  permission java.lang.RuntimePermission "createClassLoader";\n'
        '  permission java.lang.RuntimePermission "getClassLoader";\n'
        "};\n",
    },
    "analysis-common": {
        "artifacts": [f"org.opensearch.plugin:analysis-common:{OPENSEARCH_VERSION}"],
        "classname": "org.opensearch.analysis.common.CommonAnalysisPlugin",
        "description": "Common analysis components (French analyzer, elision...)",
        "extended": "lang-painless",
        "policy": None,
    },
}


def say(message: str) -> None:
    print(f"[search-server] {message}", flush=True)


def install_dir(engine: str) -> Path:
    return CACHE / f"{engine}-{ENGINES[engine]['version']}"


def run_dir(engine: str) -> Path:
    return HOME / engine


def mvn_copy(artifacts: list[str], target: Path) -> None:
    """Copy Maven artifacts (no transitive dependencies) into ``target``.

    One Maven run for all of them, through a throw-away POM that lists them
    with every transitive dependency excluded.
    """
    target.mkdir(parents=True, exist_ok=True)
    dependencies = []
    for artifact in artifacts:
        group, name, version, *kind = artifact.split(":")
        dependencies.append(
            f"<dependency><groupId>{group}</groupId><artifactId>{name}</artifactId>"
            f"<version>{version}</version><type>{kind[0] if kind else 'jar'}</type>"
            "<exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId>"
            "</exclusion></exclusions></dependency>"
        )
    pom = target.parent / f".{target.name}-pom.xml"
    pom.write_text(
        '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0'
        "</modelVersion><groupId>traite</groupId><artifactId>search-server"
        "</artifactId><version>1</version><packaging>pom</packaging><dependencies>"
        + "".join(dependencies)
        + "</dependencies></project>"
    )
    result = subprocess.run(
        [
            "mvn",
            "-q",
            "-B",
            "-Dstyle.color=never",
            "-f",
            str(pom),
            f"-Dmaven.repo.local={CACHE / 'm2'}",
            "dependency:copy-dependencies",
            f"-DoutputDirectory={target}",
        ],
        capture_output=True,
        text=True,
    )
    pom.unlink()
    if result.returncode:
        raise SystemExit(f"Maven n'a pas pu télécharger {artifacts}:\n{result.stdout}")


def add_opensearch_modules(home: Path) -> None:
    for name, module in OPENSEARCH_MODULES.items():
        folder = home / "modules" / name
        mvn_copy(module["artifacts"], folder)
        descriptor = {
            "name": name,
            "description": module["description"],
            "version": OPENSEARCH_VERSION,
            "classname": module["classname"],
            "java.version": "11",
            "opensearch.version": OPENSEARCH_VERSION,
            "extended.plugins": module["extended"],
            "has.native.controller": "false",
        }
        (folder / "plugin-descriptor.properties").write_text(
            "".join(f"{key}={value}\n" for key, value in descriptor.items())
        )
        if module["policy"]:
            (folder / "plugin-security.policy").write_text(module["policy"])


def fetch(engine: str) -> Path:
    """Download and unpack the engine once; later calls reuse it."""
    home = install_dir(engine)
    marker = home / ".complete"
    if marker.exists():
        return home
    say(f"téléchargement de {engine} {ENGINES[engine]['version']} (Maven Central)")
    downloads = CACHE / "downloads"
    mvn_copy([ENGINES[engine]["artifact"]], downloads)
    archive = downloads / (f"{engine}-{ENGINES[engine]['version']}.zip")
    if home.exists():
        shutil.rmtree(home)
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(CACHE)
    for script in (home / "bin").iterdir():
        script.chmod(0o755)
    if engine == "opensearch":
        add_opensearch_modules(home)
    marker.write_text("ok\n")
    return home


def url(engine: str) -> str:
    return f"http://127.0.0.1:{ENGINES[engine]['http_port']}"


def health(engine: str, timeout: float = 2.0) -> str | None:
    """The cluster's status (green/yellow/red), or None when it does not answer.

    Elasticsearch's integ-test build answers 405 on ``GET /``: ask the
    health endpoint instead.
    """
    try:
        with urllib.request.urlopen(
            f"{url(engine)}/_cluster/health", timeout=timeout
        ) as response:
            return json.load(response).get("status")
    except (urllib.error.URLError, OSError, ValueError):
        return None


def service_user() -> str | None:
    """The user the server runs as: ourselves, unless we are root."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam(RUN_AS)
    except KeyError:
        subprocess.run(
            [
                "useradd",
                "--system",
                "--no-create-home",
                "--shell",
                "/bin/false",
                RUN_AS,
            ],
            check=True,
        )
    return RUN_AS


def give_to(user: str | None, *paths: Path) -> None:
    if user is None:
        return
    for path in paths:
        subprocess.run(["chown", "-R", f"{user}:{user}", str(path)], check=True)
        # Parents must be traversable by the service user.
        for parent in path.resolve().parents:
            mode = parent.stat().st_mode
            if not mode & 0o001:
                parent.chmod(mode | 0o001)


def write_config(engine: str, home: Path, run: Path) -> Path:
    """A config folder of the node's own (the distribution stays untouched)."""
    spec = ENGINES[engine]
    config = run / "config"
    if config.exists():
        shutil.rmtree(config)
    shutil.copytree(home / "config", config)
    settings = {
        "cluster.name": f"traite-{engine}",
        "node.name": f"traite-{engine}-1",
        "path.data": str(run / "data"),
        "path.logs": str(run / "logs"),
        "network.host": "127.0.0.1",
        "http.port": str(spec["http_port"]),
        "transport.port": str(spec["transport_port"]),
        "discovery.type": "single-node",
        "cluster.routing.allocation.disk.threshold_enabled": "false",
        "action.destructive_requires_name": "false",
        **spec["settings"],
    }
    (config / spec["config_file"]).write_text(
        "".join(f"{key}: {value}\n" for key, value in settings.items())
    )
    return config


def start(engine: str) -> None:
    """Start the node unless it answers already; wait until it is green."""
    if health(engine) in ("green", "yellow"):
        say(f"{engine} répond déjà sur {url(engine)}")
        return
    spec = ENGINES[engine]
    home = fetch(engine)
    run = run_dir(engine)
    for folder in ("data", "logs", "tmp"):
        (run / folder).mkdir(parents=True, exist_ok=True)
    config = write_config(engine, home, run)
    user = service_user()
    give_to(user, home, run)
    env = {
        **os.environ,
        spec["java_home_var"]: os.environ.get(spec["java_home_var"], JAVA_17),
        spec["java_opts_var"]: HEAP,
        spec["tmpdir_var"]: str(run / "tmp"),
        spec["path_conf_var"]: str(config),
    }
    pidfile = run / "server.pid"
    command = [str(home / spec["binary"]), "-d", "-p", str(pidfile)]
    if user:
        keep = ",".join(
            (
                spec["java_home_var"],
                spec["java_opts_var"],
                spec["tmpdir_var"],
                spec["path_conf_var"],
            )
        )
        command = [
            "runuser",
            "-u",
            user,
            f"--whitelist-environment={keep}",
            "--",
            *command,
        ]
    say(f"démarrage de {engine} sur {url(engine)}")
    with open(run / "console.log", "ab") as console:
        # -d returns at once, even when the node dies later, and keeps the
        # caller's stdout open: redirect it and wait for the health instead.
        subprocess.run(
            command,
            env=env,
            stdout=console,
            stderr=console,
            stdin=subprocess.DEVNULL,
            check=True,
            cwd=run,
        )
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        status = health(engine)
        if status in ("green", "yellow"):
            say(f"{engine} prêt ({status}) sur {url(engine)}")
            return
        if pidfile.exists() and not alive(read_pid(pidfile)):
            break
        time.sleep(1)
    tail = (run / "console.log").read_text(errors="replace")[-3000:]
    raise SystemExit(f"{engine} n'a pas démarré ; fin du journal :\n{tail}")


def read_pid(pidfile: Path) -> int | None:
    try:
        return int(pidfile.read_text().strip())
    except (OSError, ValueError):
        return None


def alive(pid: int | None) -> bool:
    if pid is None:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def stop(engine: str) -> None:
    pidfile = run_dir(engine) / "server.pid"
    pid = read_pid(pidfile)
    if not alive(pid):
        say(f"{engine} n'est pas démarré")
        return
    os.kill(pid, signal.SIGTERM)
    for _ in range(60):
        if not alive(pid):
            break
        time.sleep(0.5)
    else:
        os.kill(pid, signal.SIGKILL)
    say(f"{engine} arrêté")


def status() -> None:
    for engine in ENGINES:
        state = health(engine) or "arrêté"
        say(f"{engine} {ENGINES[engine]['version']} sur {url(engine)} : {state}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("fetch", "start", "stop", "status", "url"))
    parser.add_argument("engine", nargs="?", choices=(*ENGINES, "all"), default="all")
    args = parser.parse_args(argv)
    engines = list(ENGINES) if args.engine == "all" else [args.engine]
    for engine in engines:
        if args.action == "fetch":
            say(f"{engine} : {fetch(engine)}")
        elif args.action == "start":
            start(engine)
        elif args.action == "stop":
            stop(engine)
        elif args.action == "url":
            print(url(engine))
    if args.action == "status":
        status()


if __name__ == "__main__":
    sys.exit(main())
