"""Settings: one snapshot per load, private to the thread that loads it, and clear errors."""
from __future__ import annotations

import threading

import pytest

from agent.config import ConfigError, Home


def test_threads_loading_two_homes_never_get_each_others_settings(tmp_path):
    homes = []
    for k in (3, 9):
        home = Home(tmp_path / f"home{k}").ensure()
        home.config_file.write_text(f"[memory]\nk = {k}\n", encoding="utf-8")
        homes.append((home, k))
    wrong: list[tuple[int, int]] = []
    start = threading.Barrier(8)

    def load(home: Home, want: int) -> None:
        start.wait()
        for _ in range(500):
            got = home.load_settings().memory.k
            if got != want:
                wrong.append((want, got))

    threads = [threading.Thread(target=load, args=homes[i % 2]) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert wrong == []  # 8 threads x 500 loads, two homes


def test_broken_config_names_the_file_and_the_problem(tmp_path):
    home = Home(tmp_path).ensure()
    home.config_file.write_text("[memory\nk = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"config\.toml is not valid TOML"):
        home.load_settings()
    home.config_file.write_text('[memory]\nk = "many"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"memory\.k"):
        home.load_settings()


def test_cli_reports_a_broken_config_in_one_line(tmp_path, capsys):
    from agent.cli import main

    home = Home(tmp_path).ensure()
    home.config_file.write_text("[memory\n", encoding="utf-8")
    assert main(["--home", str(tmp_path), "status", "--json"]) == 2
    err = capsys.readouterr().err
    assert "config.toml is not valid TOML" in err and "Traceback" not in err


def test_the_written_config_trains_as_the_measured_defaults(tmp_path):
    # `anima init` and the daemon write DEFAULT_CONFIG: its [train] section must not train with
    # other values (lr, batch, LoRA targets, epochs) than the defaults every benchmark measured
    from agent.config import DEFAULT_CONFIG, TrainSettings

    home = Home(tmp_path).ensure()
    home.config_file.write_text(DEFAULT_CONFIG, encoding="utf-8")
    assert home.load_settings().train == TrainSettings()
    assert TrainSettings().lr == 2e-3


def test_a_cycle_trains_with_the_settings_and_evaluates_every_50_steps_unless_the_job_says(tmp_path):
    # the held-out/general loss passes cost ~3 steps each: every 25 steps they took ~13 % of the
    # training budget (bench/RESULTS.md, tenth pass); tests and benchmarks still set their own
    from agent.config import TrainSettings
    from agent.training import train_config

    cfg = train_config(TrainSettings(), {"max_steps": None, "eval_every": None}, 600)
    assert cfg.eval_every == 50 and cfg.budget_s == 600
    assert (cfg.lr, cfg.batch_size, cfg.targets, cfg.rank) == (2e-3, 8, TrainSettings().targets, 16)
    job = train_config(TrainSettings(), {"max_steps": 5, "eval_every": 2, "checkpoint_every": 2}, 60)
    assert (job.max_steps, job.eval_every, job.checkpoint_every) == (5, 2, 2)


def test_a_cycle_takes_the_prefix_gradient_setting():
    # the cheaper step by default: per step it teaches as much as the exact one on two personas'
    # slices, so its ~15 % cheaper steps buy recall (bench/RESULTS.md, eleventh pass); the exact
    # step is one setting away
    from agent.config import TrainSettings
    from agent.training import train_config

    assert train_config(TrainSettings(), {}, 600).prefix_grad is False
    assert train_config(TrainSettings(prefix_grad=True), {}, 600).prefix_grad is True
    assert train_config(TrainSettings(prefix_grad=False), {}, 600).prefix_grad is False


def test_a_cycle_takes_the_lora_layers_setting():
    # LoRA on the top N decoder layers (0: all) reaches the cycle's TrainConfig
    from agent.config import TrainSettings
    from agent.training import train_config

    assert train_config(TrainSettings(layers=12), {}, 600).layers == 12
    assert train_config(TrainSettings(layers=0), {}, 600).layers == 0
