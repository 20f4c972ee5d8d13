"""Bad input: one line naming the file or option and the field, exit status 2, no traceback."""

from __future__ import annotations

import math
from fractions import Fraction
from pathlib import Path

import pytest

from simulate import load_scenario
from simulate.analysis.chance import BallotDistribution, Bloc, Blocs, Chance, chance
from simulate.catalog.scenarios import load_scenario_file
from simulate.cli import main
from simulate.errors import DataFileError, SimulateError

ROOT = Path(__file__).resolve().parents[2]
DECEMBER = ROOT / "scenarios" / "S-2016-1026.toml"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["chance", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--chance", "Angola=yes:0.6,abstain:0.3"], "--chance Angola: probabilities sum to 0.9, 0.1 short of 1"),
        (["--chance", "Angola=yes:0.7,abstain:0.4"], "sum to 1.1, 0.1 over 1"),
        (["--chance", "Angola=yes:-0.1,abstain:1.1"], "yes: probability -0.1 is negative"),
        (["--chance", "Angola=yes:1.5"], "probability 1.5 is above 1"),
        (["--chance", "Angola=yes:nan,no:1"], "'nan' is not a number between 0 and 1"),
        (["--chance", "Angolo=yes:1"], "did you mean 'Angola'?"),
        (["--chance", "Angola=yess:1"], "unknown ballot 'yess'; did you mean 'yes'?"),
        (["--chance", "Germany=yes:1"], "Germany does not sit on this council"),
        (["--chance", "Angola=yes:1,for:0"], "yes is given twice"),
        (["--bloc", "Germany:Angola@0.5"], "the leader Germany does not sit on this council"),
        (["--bloc", "Russia:Angola@0.5", "--bloc", "Angola:Russia"],
         "a cycle of followers: Angola follows Russian Federation follows Angola"),
        (["--bloc", "Russia:Angola", "--bloc", "China:Angola"], "Angola follows both"),
        (["--bloc", "Russia:Russia"], "cannot follow itself"),
        (["--bloc", "Russia:Angola@2"], "rho: probability 2 is above 1"),
        (["--method", "montecarlo", "--draws", "0"], "--draws: 0 draws"),
        (["--draws", "1e13"], "would take about"),
        (["--draws", "1.5"], "--draws: expected a whole number"),
        (["--seed", "-1"], "--seed"),
        (["--method", "exact", "--others", "uncertain", "--bloc", "China:Russia@0.5", "--bloc", "Russia:Angola@0.5"],
         "cannot compute exactly: a bloc whose leader itself follows another leader"),
        (["--rule", "g4-2005"], "have no ballot"),
    ],
)
def test_bad_options_exit_2_with_one_line(capsys, args, message):
    code, out, err = run(capsys, "S/2016/1026", *args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("unsc: error: ") and message in err, err


def _write(tmp_path: Path, whatif: str) -> Path:
    path = tmp_path / "vote.toml"
    path.write_text(DECEMBER.read_text(encoding="utf-8") + "\n[whatif.mine]\n" + whatif + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("whatif", "message"),
    [
        ('chance = { Angola = { yes = 0.6, abstain = 0.3 } }', "[whatif.mine]: chance.Angola: probabilities sum to 0.9"),
        ('chance = { Angola = { yes = -0.5, no = 1.5 } }', "chance.Angola: yes: probability -0.5 is negative"),
        ('chance = { Angola = { yes = nan, no = 1.0 } }', "chance.Angola: yes: probability is NaN"),
        ('chance = { Angola = { yess = 1 } }', "unknown ballot 'yess'"),
        ('chance = { Angola = "yes" }', "chance.Angola: expected a table"),
        ('chance = { Germany = { yes = 1 } }', "[whatif.mine] chance: Germany does not sit on this council"),
        ('bloc = { leader = "Germany", members = ["Angola"], rho = 0.5 }', "bloc[0].leader: Germany does not sit"),
        ('bloc = [{ leader = "Russia", members = ["Angola"] }, { leader = "Angola", members = ["Russia"] }]',
         "a cycle of followers"),
        ('bloc = { leader = "Russia", members = ["Angola"], rho = "3/2" }', "bloc[0].rho: probability 3/2 is above 1"),
        ('others = "everyone"', "unknown model 'everyone'"),
        ('bloc = { leader = "Russia", members = ["Angola"], weight = 1 }', "unknown key 'weight'"),
    ],
)
def test_bad_scenario_files_name_the_file_and_the_field(tmp_path, whatif, message):
    path = _write(tmp_path, whatif)
    with pytest.raises(DataFileError) as info:
        load_scenario_file(path)
    text = str(info.value)
    assert text.startswith(str(path)) and message in text, text


def test_a_scenario_file_gives_the_same_model_as_python(tmp_path):
    path = _write(
        tmp_path,
        'chance = { Angola = { yes = "3/5", abstain = "2/5" }, China = { no = 0.5, abstain = 0.5 } }\n'
        'others = "elected-uncertain"\n'
        'bloc = { leader = "Russia", members = ["Venezuela", "Egypt"], rho = "4/5" }',
    )
    scenario = load_scenario_file(path)
    mine = scenario.whatif("mine")
    kinds = [type(c).__name__ for c in mine.changes]
    assert kinds == ["Chance", "Blocs"]
    assert mine.changes[0].ballots[0][1] == BallotDistribution((Fraction(3, 5), 0, Fraction(2, 5), 0))
    python = [
        Chance({"Angola": {"yes": "3/5", "abstain": "2/5"}, "China": {"no": 0.5, "abstain": 0.5}},
               others="elected-uncertain"),
        Blocs([Bloc("Russia", ["Venezuela", "Egypt"], "4/5")]),
    ]
    a = chance(scenario, ["mine"], ["two-vetoes"]).rules[0]
    b = chance(load_scenario("S/2016/1026"), python, ["two-vetoes"]).rules[0]
    assert a.exact and (a.adopted, a.vetoed, a.short) == (b.adopted, b.vetoed, b.short)
    assert math.isclose(float(a.adopted + a.vetoed + a.short), 1.0)
    with pytest.raises(SimulateError, match="gives probabilities, not ballots: use `unsc chance`"):
        from simulate import replay

        replay(scenario, ["mine"])


def test_the_command_never_shows_a_traceback(cli):
    """In the process (the ``cli`` fixture); ``python -m simulate`` and the installed command run as
    subprocesses in tests/explore/test_explore_server.py and tests/test_cli_smoke.py."""
    done = cli("chance", "S/2016/1026", "--chance", "Angola=yes:0.5", cwd=ROOT)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.strip() == "unsc: error: --chance Angola: probabilities sum to 0.5, 0.5 short of 1"
