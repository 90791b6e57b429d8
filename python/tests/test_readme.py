"""The README's pandas example runs as written."""
import re


def test_readme_pandas_example_runs(root, capsys):
    text = (root / "README.md").read_text(encoding="utf-8")
    section = text[text.index("### Python and Spark"):]
    block = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    assert "import pandas" in block
    exec(compile(block, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "score" in out and "grade" in out
