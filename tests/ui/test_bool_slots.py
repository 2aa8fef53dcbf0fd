"""No slot connected to a button's or action's clicked/triggered/toggled may take the
signal's bool as a real argument. Qt passes ``checked`` to a slot that can take one: a
``save(self, folder=None)`` connected to ``clicked`` got ``folder=False`` and crashed on
every click. This reads every such connect in the window's source."""

import ast
from pathlib import Path

import foiadesk.ui

SIGNALS = {"clicked", "triggered", "toggled"}
BOOL_NAMES = {"checked", "_checked", "_", "on"}  # a first parameter meant for the bool
UI = Path(foiadesk.ui.__file__).parent


def _definitions(trees):
    found = {}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                found.setdefault(node.name, []).append(node)
    return found


def _positional(args: ast.arguments, method: bool) -> list[str]:
    names = [a.arg for a in args.posonlyargs + args.args]
    return names[1:] if method and names[:1] == ["self"] else names


def bool_slot_problems(sources: dict[str, str]) -> list[str]:
    """Each connect whose slot would take the bool into a parameter meant for something else."""
    trees = {name: ast.parse(text) for name, text in sources.items()}
    defs = _definitions(trees.values())
    problems = []
    for name, tree in trees.items():
        for call in ast.walk(tree):
            if not (
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Attribute)
                and call.func.attr == "connect"
                and isinstance(call.func.value, ast.Attribute)
                and call.func.value.attr in SIGNALS
                and call.args
            ):
                continue
            slot = call.args[0]
            where = f"{name}:{call.lineno}"
            if isinstance(slot, ast.Lambda):
                candidates = [_positional(slot.args, method=False)]
            elif isinstance(slot, ast.Attribute):  # self.method, or a Qt slot such as hide
                candidates = [_positional(d.args, method=True) for d in defs.get(slot.attr, [])]
            elif isinstance(slot, ast.Name) and slot.id in defs:
                candidates = [_positional(d.args, method=False) for d in defs[slot.id]]
            else:
                problems.append(f"{where}: connect a variable through a lambda that drops the bool")
                continue
            for params in candidates:
                if params and params[0] not in BOOL_NAMES:
                    problems.append(f"{where}: the bool would be passed as {params[0]!r}")
    return problems


def test_no_slot_takes_the_bool_as_a_real_argument():
    sources = {str(p.relative_to(UI)): p.read_text() for p in sorted(UI.rglob("*.py"))}
    connects = sum(t.count(f".{s}.connect(") for t in sources.values() for s in SIGNALS)
    assert connects > 30  # the scan reads the window's real source
    assert bool_slot_problems(sources) == []


def test_the_scan_finds_the_save_crash():
    source = """
class Composer:
    def save(self, folder=None):
        pass
    def draft(self):
        pass
    def build(self, slot):
        self.save_button.clicked.connect(self.save)
        self.draft_button.clicked.connect(self.draft)
        self.box.toggled.connect(lambda on: None)
        self.menu_action.triggered.connect(lambda r=1: r)
        self.other.triggered.connect(slot)
"""
    assert bool_slot_problems({"composer.py": source}) == [
        "composer.py:8: the bool would be passed as 'folder'",
        "composer.py:11: the bool would be passed as 'r'",
        "composer.py:12: connect a variable through a lambda that drops the bool",
    ]
