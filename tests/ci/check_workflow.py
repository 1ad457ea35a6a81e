"""Checks .github/workflows/ci.yml: valid YAML, the expected jobs on Debian 12, every script
.ci/run calls is called by the workflow too, and a job that runs a script needing Node.js has a
step that sets Node.js and npm up before it. Usage: check_workflow.py REPOSITORY_ROOT"""
import os
import re
import sys

import yaml

root = sys.argv[1]
problems = []
SCRIPT = re.compile(r"(?:scripts|bench)/[\w-]+")
# A step that sets Node.js up: Debian's nodejs and npm, or the setup-node action.
NODE_STEP = re.compile(r"apt-get install\b.*\bnodejs\b.*\bnpm\b|apt-get install\b.*\bnpm\b.*\bnodejs\b")
# What in a script means it runs Node.js or npm (scripts/lib.bash's need_node, npm, npx).
USES_NODE = re.compile(r"^[^#]*\b(need_node|npm|npx)\b", re.M)


def expect(condition, message):
    if not condition:
        problems.append(message)


with open(os.path.join(root, ".github/workflows/ci.yml"), encoding="utf-8") as file:
    workflow = yaml.safe_load(file)

expect(isinstance(workflow, dict), "the workflow is not a YAML mapping")
# YAML 1.1 reads the key `on` as the boolean true.
triggers = workflow.get("on", workflow.get(True)) or {}
for event in ("push", "pull_request"):
    expect(event in triggers, f"not triggered on {event}")

jobs = workflow.get("jobs") or {}
expect(set(jobs) >= {"test", "lint"}, f"jobs are {sorted(jobs)}, expected test and lint")
runs = {}
for name, job in jobs.items():
    expect(job.get("runs-on"), f"job {name} has no runs-on")
    container = job.get("container")
    image = container.get("image") if isinstance(container, dict) else container
    expect(image in ("debian:12", "debian:bookworm"), f"job {name} runs on {image}, not Debian 12")
    steps = job.get("steps") or []
    expect(steps, f"job {name} has no steps")
    for step in steps:
        expect(("run" in step) != ("uses" in step), f"job {name}: a step needs run or uses")
        if "uses" in step:
            expect(re.search(r"@v\d+$", step["uses"]), f"job {name}: unpinned {step['uses']}")
    runs[name] = "\n".join(step.get("run", "") for step in steps)

expect("scripts/test" in runs.get("test", ""), "the test job does not run scripts/test")
expect("scripts/lint" in runs.get("lint", ""), "the lint job does not run scripts/lint")

def needs_node(script, seen=()):
    """True when the script, or a script it calls, runs Node.js or npm."""
    path = os.path.join(root, script)
    if script in seen or not os.path.isfile(path):
        return False
    with open(path, encoding="utf-8") as file:
        text = file.read()
    return bool(USES_NODE.search(text)) or any(
        needs_node(other, seen + (script,)) for other in set(SCRIPT.findall(text)) - {script})


for name, job in jobs.items():
    node_ready = False
    for step in job.get("steps") or []:
        if "setup-node" in step.get("uses", "") or NODE_STEP.search(step.get("run", "")):
            node_ready = True
        for script in sorted(set(SCRIPT.findall(step.get("run", "")))):
            expect(node_ready or not needs_node(script),
                   f"job {name} runs {script}, which needs Node.js, with no Node.js step before it")

called = set(re.findall(r"scripts/[\w-]+", "\n".join(runs.values())))
for script in sorted(called):
    path = os.path.join(root, script)
    expect(os.access(path, os.X_OK), f"the workflow calls {script}, which is not an executable")
with open(os.path.join(root, ".ci/run"), encoding="utf-8") as file:
    for script in sorted(set(re.findall(r"^\s*(scripts/[\w-]+)", file.read(), re.M))):
        expect(script in called, f".ci/run calls {script}, the workflow does not")

for problem in problems:
    print(f"ci.yml: {problem}", file=sys.stderr)
print(f"ci.yml: jobs {sorted(jobs)}, scripts {sorted(called)}: {len(problems)} problems")
sys.exit(1 if problems else 0)
