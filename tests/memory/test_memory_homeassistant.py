"""A household's notes kept in a Home Assistant configuration folder (`/config`) are read as what
they say: a package's block comment as prose and lists under the names they are about, helpers'
initial values as "Name: value", automations by their alias with their description, notification
text and (a birthday's) day, YAML dashboards' markdown cards under their titles, a card titled with
a day dating its own lines; `secrets.yaml` never read, `!include`/`!secret` tags harmless, broken
YAML keeping its comments with a warning, and YAML that is not Home Assistant's read as before."""
from __future__ import annotations

import re
import textwrap
from pathlib import Path

from memory import datafiles, homeassistant, parsers
from memory.statements import parse_statements

CONFIGURATION = """\
# Berg house -- /config on the NUC in the hall cupboard.
# Edited by Maja; Olle prefers the UI.

homeassistant:
  name: Berg Home
  latitude: 57.7089
  longitude: 11.9746
  currency: SEK
  country: SE
  time_zone: Europe/Stockholm
  external_url: !secret external_url
  packages: !include_dir_named packages

# Loads default set of integrations. Do not remove.
default_config:

automation: !include automations.yaml
script: !include scripts.yaml
lovelace:
  mode: storage
  dashboards:
    dashboard-diary:
      mode: yaml
      filename: dashboards/diary.yaml

zone:
  - name: Haga School
    latitude: 57.6990
    longitude: 11.9560
"""

CHILDREN = """\
# ==================================================================
# Children. Last tidied 02/02/2027.
#
# Alva -- born 14/09/2016
#   Year 4 at Haga School, class teacher Mr Sandell.
#   Violin lessons on Wednesdays at 16:15,
#     teacher Ingrid Holm, SEK 450 a lesson.
#   Pocket money SEK 60 a week.
#
# Nils -- born 30/01/2020
#   Preschool Solrosen, drop-off before 08:30.
#
# - platform: template
# ==================================================================

input_text:
  library_card:
    name: Alva library card
    initial: "LIB-88213"
input_number:
  pocket_money:
    name: Alva pocket money
    min: 0
    max: 200
    initial: 60
    unit_of_measurement: SEK
input_select:
  swim_day:
    name: Nils swimming day
    options: [Monday, Thursday]
    initial: Thursday
input_datetime:
  passport_renewal:
    name: Alva passport renewal
    has_date: true
    has_time: false
    initial: "2027-05-04"
input_boolean:
  sick_day:
    name: Sick day

automation:
  - id: violin
    alias: "Children: violin bag"
    description: "Alva's violin lesson, Wednesdays at 16:15"
    triggers:
      - trigger: time
        at: "07:00:00"
    conditions:
      - condition: state
        entity_id: input_boolean.sick_day
        state: "off"
    actions:
      - action: notify.family
        data:
          title: Violin
          message: "Violin bag and the music book in Alva's backpack."
"""

AUTOMATIONS = """\
- id: '1700000000001'
  alias: 'Birthday: Ingrid Holm'
  description: ''
  triggers:
  - trigger: time
    at: '08:00:00'
  conditions:
  - condition: template
    value_template: '{{ now().strftime(''%d/%m'') == ''09/03'' }}'
  actions:
  - action: notify.mobile_app_maja
    data:
      message: Ingrid turns {{ now().year - 1984 }} today.
  mode: single
- id: '1700000000002'
  alias: "Olle's birthday"
  triggers:
  - trigger: template
    value_template: "{{ now().month == 11 and now().day == 2 }}"
  actions: []
- id: '1700000000003'
  alias: 'Bins: garden waste'
  description: Garden waste goes every other Friday from April to
    November.
  triggers:
  - trigger: time
    at: '19:00:00'
  actions:
  - action: notify.family
    data:
      message: 'Garden waste: green bin out tonight.'
"""

DIARY = """\
# Diary: one card per day; newer than the package comments.
title: Diary
views:
  - title: February 2027
    path: feb-2027
    cards:
      - type: markdown
        title: Mon 08/02/2027
        content: |
          Alva's violin moved to Thursdays at 17:00 from next week.
          Pocket money is now SEK 70 a week.
      - type: markdown
        title: 2027-02-20
        content: |
          # Car
          - Volvo service booked for 3 March.
      - type: markdown
        content: >-
          Battery {{ states('sensor.house_battery') }} %
      - type: entities
        title: Phones
        entities:
          - entity: person.maja
          - type: weblink
            name: Haga School office
            url: "tel:+46315550123"
  - title: Reference
    path: reference
    cards:
      - type: markdown
        title: Doctors
        content: |
          | Who | Doctor |
          |---|---|
          | Alva | Dr Lund |
          | Nils | Dr Falk |
"""

SECRETS = """\
# router admin: old one was Vinter-2024
wifi_password: Hemligt-9931
external_url: https://berg-home.example.org
"""


def _config(root: Path) -> Path:
    (root / "packages").mkdir(parents=True)
    (root / "dashboards").mkdir()
    (root / "configuration.yaml").write_text(CONFIGURATION, encoding="utf-8")
    (root / "packages" / "children.yaml").write_text(CHILDREN, encoding="utf-8")
    (root / "automations.yaml").write_text(AUTOMATIONS, encoding="utf-8")
    (root / "dashboards" / "diary.yaml").write_text(DIARY, encoding="utf-8")
    (root / "secrets.yaml").write_text(SECRETS, encoding="utf-8")
    (root / ".HA_VERSION").write_text("2026.11.2\n", encoding="utf-8")
    return root


def _statements(path: Path) -> list[tuple[int, str, str]]:
    return [(s.line, " > ".join(s.topic), s.text) for s in parse_statements(path, path.read_bytes())]


def _md(path: Path) -> list[tuple[int, str]]:
    doc = homeassistant.to_markdown(parsers.split_lines(path.read_text(encoding="utf-8")), path)
    return list(zip(doc.numbers, doc.md))


def test_files_of_a_config_folder_or_of_unmistakable_shape_are_home_assistant_s(tmp_path):
    root = _config(tmp_path / "config")
    for name in ("configuration.yaml", "packages/children.yaml", "automations.yaml", "dashboards/diary.yaml", "secrets.yaml"):
        path = root / name
        assert homeassistant.looks_like_homeassistant(path, parsers.split_lines(path.read_text())), name
    # Outside a config folder: a dashboard, a list of automations, a package of helpers still are...
    loose = tmp_path / "loose"
    loose.mkdir()
    for name, text in (("diary.yaml", DIARY), ("automations.yaml", AUTOMATIONS), ("children.yaml", CHILDREN)):
        assert homeassistant.looks_like_homeassistant(loose / name, parsers.split_lines(text)), name
    # ... and ordinary YAML is not, in or out of one.
    people = "sister:\n  name: Anja Hoffmann\n  phone: '+1 503 555 0142'\n"
    assert not homeassistant.looks_like_homeassistant(loose / "people.yaml", parsers.split_lines(people))
    assert not homeassistant.looks_like_homeassistant(root / "people.yaml", parsers.split_lines(people))
    assert not homeassistant.looks_like_homeassistant(loose / "secrets.yaml", parsers.split_lines(SECRETS))
    assert not homeassistant.looks_like_homeassistant(loose / "notes.txt", ["views: a list"])
    # A file HA names, or one configuration.yaml includes, is HA's whatever its shape: its comments are its notes.
    (root / "configuration.yaml").write_text(CONFIGURATION + "group: !include groups.yaml\nsensor: !include_dir_list sensors\n")
    (root / "sensors").mkdir()
    for name in ("groups.yaml", "sensors/power.yaml"):
        path = root / name
        path.write_text("# The hall lights, both on one switch.\nhall:\n  name: Hall\n  entities: [light.hall_1, light.hall_2]\n")
        assert homeassistant.looks_like_homeassistant(path, parsers.split_lines(path.read_text())), name
        assert [t for _, _, t in _statements(path)] == ["The hall lights, both on one switch."]


def test_a_package_comment_block_is_prose_and_lists_under_the_names_they_are_about(tmp_path):
    root = _config(tmp_path / "config")
    path = root / "packages" / "children.yaml"
    parsed = parsers.parse(path, path.read_bytes())
    assert parsed.kind == "markdown" and not parsed.warnings
    headings = [(b.start, b.level, b.title) for b in parsed.blocks if b.kind == "heading"]
    assert headings[:3] == [(1, 1, "Children"), (4, 2, "Alva"), (10, 2, "Nils")]
    got = _statements(path)
    assert (2, "Children", "Last tidied 02/02/2027.") in got
    assert (4, "Children > Alva", "Alva -- born 14/09/2016") in got
    assert (5, "Children > Alva", "Alva: Year 4 at Haga School, class teacher Mr Sandell.") in got
    # A line indented under an unfinished one goes on with it.
    assert (6, "Children > Alva", "Alva: Violin lessons on Wednesdays at 16:15, teacher Ingrid Holm, SEK 450 a lesson.") in got
    assert (8, "Children > Alva", "Alva: Pocket money SEK 60 a week.") in got
    assert (11, "Children > Nils", "Nils: Preschool Solrosen, drop-off before 08:30.") in got
    text = "\n".join(t for _, t in _md(path))
    assert "platform" not in text and "=====" not in text  # switched-off YAML and rules left out


def test_helpers_are_their_name_and_initial_value_under_the_package(tmp_path):
    root = _config(tmp_path / "config")
    got = _statements(root / "packages" / "children.yaml")
    assert (19, "Children", "Children: Alva library card: LIB-88213") in got
    assert (25, "Children", "Children: Alva pocket money: 60 SEK") in got
    assert (31, "Children", "Children: Nils swimming day: Thursday (options: Monday, Thursday)") in got
    assert (37, "Children", "Children: Alva passport renewal: 2027-05-04") in got
    texts = [t for _, _, t in got]
    assert not any("Sick day" in t for t in texts)  # a switch with no value says nothing
    assert not any("input_" in t or "notify." in t or "entity" in t for t in texts)


def test_automations_are_their_alias_over_description_and_notification_text(tmp_path):
    root = _config(tmp_path / "config")
    got = _statements(root / "packages" / "children.yaml")
    assert (45, "Children > Children: violin bag", "Children: violin bag: Alva's violin lesson, Wednesdays at 16:15") in got
    # (The notification's title "Violin" is the automation's name already.)
    assert (57, "Children > Children: violin bag",
            "Children: violin bag: Violin bag and the music book in Alva's backpack.") in got
    got = _statements(root / "automations.yaml")
    # A description folded over two lines is one statement, cited where it starts.
    assert (23, "Automations > Bins: garden waste",
            "Bins: garden waste: Garden waste goes every other Friday from April to November.") in got
    # A message's own "Key:" stays (only a notification title the alias already says is left out).
    assert (31, "Automations > Bins: garden waste", "Bins: garden waste: Garden waste: green bin out tonight.") in got
    texts = [t for _, _, t in got]
    assert not any("{{" in t or "turns" in t for t in texts)  # a message that is mostly a template is left out


def test_a_birthday_automation_says_whose_birthday_and_which_day(tmp_path):
    root = _config(tmp_path / "config")
    got = _statements(root / "automations.yaml")
    assert (9, "Automations > Birthday: Ingrid Holm", "Ingrid Holm's birthday: 9 March") in got
    assert (19, "Automations > Olle's birthday", "Olle's birthday: 2 November") in got
    # A date helper named in the trigger, or a date in the description, also tells the day.
    path = tmp_path / "loose" / "automations.yaml"
    path.parent.mkdir()
    path.write_text(textwrap.dedent("""\
        - alias: "Birthday: Tove"
          description: "Born 21 May 2011"
          triggers:
            - trigger: time
              at: "07:30:00"
          actions:
            - action: notify.family
              data:
                message: "Happy birthday, Tove!"
        """))
    got = _statements(path)
    assert (2, "Automations > Birthday: Tove", "Tove's birthday: 21 May 2011") in got
    assert (9, "Automations > Birthday: Tove", "Birthday: Tove: Happy birthday, Tove!") in got


def test_dashboard_markdown_cards_are_read_under_their_titles(tmp_path):
    root = _config(tmp_path / "config")
    path = root / "dashboards" / "diary.yaml"
    parsed = parsers.parse(path, path.read_bytes())
    headings = [(b.start, b.level, b.title) for b in parsed.blocks if b.kind == "heading"]
    assert headings == [(1, 1, "Diary"), (4, 2, "February 2027"), (8, 3, "Mon 08/02/2027"), (13, 3, "2027-02-20"),
                        (15, 4, "Car"), (21, 3, "Phones"), (27, 2, "Reference"), (31, 3, "Doctors")]
    got = _statements(path)
    assert (10, "Diary > February 2027 > Mon 08/02/2027", "Alva's violin moved to Thursdays at 17:00 from next week.") in got
    assert (16, "Diary > February 2027 > 2027-02-20 > Car", "Car: Volvo service booked for 3 March.") in got
    assert (25, "Diary > February 2027 > Phones", "Phones: Haga School office: +46315550123") in got
    assert (35, "Diary > Reference > Doctors", "Alva: Doctor: Dr Lund") in got  # a table in a card: its rows
    texts = [t for _, _, t in got]
    assert not any("Battery" in t or "person.maja" in t or "markdown" in t for t in texts)


def test_a_card_titled_with_a_day_dates_its_lines_and_is_newer_than_the_package(tmp_path):
    root = _config(tmp_path / "config")
    diary = root / "dashboards" / "diary.yaml"
    parsed = parsers.parse(diary, diary.read_bytes())
    assert parsed.written_from == [(4, ""), (7, "2027-02-08"), (12, "2027-02-20"), (20, ""), (27, ""), (30, "")]
    written = {s.text: s.written for s in parse_statements(diary, diary.read_bytes())}
    assert written["Pocket money is now SEK 70 a week."] == "2027-02-08"
    assert written["Car: Volvo service booked for 3 March."] == "2027-02-20"
    assert written["Alva: Doctor: Dr Lund"] == ""
    # The package says when it was last tidied: older than the diary's card.
    package = root / "packages" / "children.yaml"
    old = {s.text: s.written for s in parse_statements(package, package.read_bytes())}
    assert old["Alva: Pocket money SEK 60 a week."] == "2027-02-02" < written["Pocket money is now SEK 70 a week."]
    # Slash dates are the month first where the config says the country is the US.
    us = tmp_path / "us"
    (us / "dashboards").mkdir(parents=True)
    (us / "configuration.yaml").write_text("homeassistant:\n  country: US\n")
    (us / "dashboards" / "log.yaml").write_text(DIARY)
    parsed = parsers.parse(us / "dashboards" / "log.yaml", DIARY.encode())
    assert (7, "2027-08-02") in parsed.written_from


def test_secrets_are_never_read_and_tags_do_not_stop_the_loader(tmp_path):
    root = _config(tmp_path / "config")
    secrets = root / "secrets.yaml"
    parsed = parsers.parse(secrets, secrets.read_bytes())
    assert parsed.blocks == [] and "secrets" in parsed.nothing
    assert parse_statements(secrets, secrets.read_bytes()) == []
    config = root / "configuration.yaml"
    parsed = parsers.parse(config, config.read_bytes())
    assert not parsed.warnings
    got = _statements(config)
    assert (5, "Home Assistant", "Home Assistant: Name: Berg Home") in got
    assert (6, "Home Assistant", "Home Assistant: Location: 57.7089, 11.9746") in got
    assert (10, "Home Assistant", "Home Assistant: Time zone: Europe/Stockholm") in got
    assert (27, "Home Assistant > Zones", "Zones: Haga School") in got
    assert (1, "Home Assistant", "Berg house -- /config on the NUC in the hall cupboard.") in got
    text = " ".join(t for _, _, t in got)
    for gone in ("secret", "include", "external", "Do not remove", "lovelace", "diary.yaml", "Hemligt", "Vinter"):
        assert gone not in text, gone


def test_broken_yaml_keeps_its_comments_and_says_where_it_broke(tmp_path):
    root = _config(tmp_path / "config")
    path = root / "packages" / "garden.yaml"
    path.write_text(textwrap.dedent("""\
        # Garden -- the allotment at Kungsladugard, plot 41.
        #   Water is on from May to September.
        input_text:
          shed_code:
            name: Shed lock
              initial: "2291"
        """))
    parsed = parsers.parse(path, path.read_bytes())
    assert any("broken YAML at line 6" in w and "only its comments" in w for w in parsed.warnings)
    got = _statements(path)
    assert (1, "Garden > Garden", "Garden -- the allotment at Kungsladugard, plot 41.") in got
    assert (2, "Garden > Garden", "Garden: Water is on from May to September.") in got
    # A file with nothing to say says so.
    empty = root / "scenes.yaml"
    empty.write_text("[]\n")
    parsed = parsers.parse(empty, empty.read_bytes())
    assert parsed.blocks == [] and parsed.nothing


def test_plain_yaml_outside_a_config_folder_still_reads_as_data(tmp_path):
    people = "sister:\n  name: Anja Hoffmann\n  phone: '+1 503 555 0142'\n# renew in May\n"
    for folder in (tmp_path / "notes", _config(tmp_path / "config")):
        folder.mkdir(exist_ok=True)
        path = folder / "people.yaml"
        path.write_text(people)
        parsed = parsers.parse(path, path.read_bytes())
        expected = datafiles.to_markdown(people.splitlines(), ".yaml")
        assert [t for b in parsed.blocks for _, t in b.lines] == [t for t in expected if t]
        assert "sister: name: Anja Hoffmann" in [s.text for s in parse_statements(path, path.read_bytes())]


def test_every_line_is_cited_at_its_file_line(tmp_path):
    root = _config(tmp_path / "config")
    for name in ("packages/children.yaml", "automations.yaml", "dashboards/diary.yaml", "configuration.yaml"):
        path = root / name
        source = path.read_text(encoding="utf-8").split("\n")
        for n, line in _md(path):
            assert 1 <= n <= len(source), (name, n, line)
            words = [w.lower() for w in re.findall(r"\w{4,}", line)]
            if words and not line.startswith("#"):
                # Its words are on the line it cites (an automation's or a helper's name is the
                # alias's or the name's, a few lines up; "Location" is said by the latitude).
                window = " ".join(source[max(0, n - 8):n]).lower()
                assert any(w in window for w in words), (name, n, line)


def test_the_config_folder_is_indexed_and_searched(make_memory, tmp_path):
    root = _config(tmp_path / "notes" / "homeassistant")
    mem = make_memory()
    report = mem.index([tmp_path / "notes"])
    paths = {c.path for c in mem.iter_chunks()}
    assert str(root / "packages" / "children.yaml") in paths and str(root / "dashboards" / "diary.yaml") in paths
    assert str(root / "secrets.yaml") in {s.path for s in report.skipped}
    assert not any("Hemligt" in c.text for c in mem.iter_chunks())
    hit = mem.search("when is Alva's violin lesson", k=1)[0]
    assert "violin" in hit.text.lower()
