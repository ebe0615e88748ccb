// Lays out what the Containerfile's build stage copies from the build
// context, as Docker would send that context: the tracked files of the
// checkout, less what .dockerignore excludes (judged by @balena/dockerignore,
// Docker's own matching rules). The image's build can then be tried on the
// result without Docker. Fails when a COPY of any stage names a path of
// which the context holds nothing.
//   node container-context.mjs ROOT CONTAINERFILE DEST
// Prints the build stage's `cmake -S` directory (a path in the image, under
// DEST here), then that command's -D options, one per line; writes the
// packages each stage installs with apt-get to DEST/apt-packages.STAGE
// (0 the first stage), one per line.
import { execFileSync } from "node:child_process";
import { appendFileSync, copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import ignore from "@balena/dockerignore";

const [root, containerfile, dest] = process.argv.slice(2);
if (!dest) {
  console.error("usage: container-context.mjs ROOT CONTAINERFILE DEST");
  process.exit(2);
}

// Instructions with their continuation lines joined, comments dropped
// (a comment line may sit inside a continued instruction).
function instructions(text) {
  const joined = text.replace(/^\s*#.*\r?\n/gm, "").replace(/\\\r?\n/g, " ");
  return joined
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [keyword, ...words] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), words };
    });
}

const tracked = execFileSync("git", ["-C", root, "ls-files", "-z"], { encoding: "utf8" })
  .split("\0")
  .filter(Boolean);
const rules = ignore().add(readFileSync(join(root, ".dockerignore"), "utf8"));
const context = rules.filter(tracked);

// The packages an `apt-get install` in a RUN's words names, up to the end of its command.
function aptPackages(words) {
  const install = words.findIndex((word, i) => word === "install" && words[i - 1]?.endsWith("apt-get"));
  if (install < 0) return [];
  const rest = words.slice(install + 1);
  const end = rest.findIndex((word) => word === "&&" || word === ";" || word === "||");
  return (end < 0 ? rest : rest.slice(0, end)).filter((word) => !word.startsWith("-"));
}

// A COPY source as a path in the context: "." for all of it.
const contextPath = (source) => posix.normalize(source).replace(/(.)\/$/, "$1");

// The context's files at or under `source`.
function filesAt(source) {
  const path = contextPath(source);
  if (path === ".") return context;
  return context.filter((file) => file === path || file.startsWith(`${path}/`));
}

// Forms this check does not lay out; better refused than misread.
function unsupported(operands) {
  return operands.find((word) => /[*?[\]]/.test(word) || /^[a-z]+:\/\//.test(word) || word.startsWith("["));
}

let stage = -1;
let workdir = "/";
let sourceDir = null;
const cmakeOptions = [];
const missing = [];
for (const { keyword, words } of instructions(readFileSync(containerfile, "utf8"))) {
  if (keyword === "FROM") {
    stage++;
    workdir = "/";
    appendFileSync(join(dest, `apt-packages.${stage}`), "");
  } else if (keyword === "WORKDIR") {
    workdir = posix.resolve(workdir, words[0]);
  } else if (keyword === "COPY" || keyword === "ADD") {
    if (words.some((word) => word.startsWith("--from="))) continue;
    const operands = words.filter((word) => !word.startsWith("--"));
    const form = unsupported(operands);
    if (form) {
      console.error(`${containerfile}: a ${keyword} with ${form} is beyond this check; lay it out by hand`);
      process.exit(1);
    }
    const target = operands.pop();
    // Docker copies into the target as a folder when it says so (a trailing "/", ".", "..")
    // or when several sources go there; one file otherwise becomes the target.
    const intoFolder = /(^|\/)\.{0,2}$/.test(target) || operands.length > 1;
    for (const source of operands) {
      const files = filesAt(source);
      if (files.length === 0) {
        missing.push(source);
        continue;
      }
      if (stage !== 0) continue; // later stages only need the source to exist
      // A copied folder's contents land in the target; a copied file in it, or as it.
      const into = posix.resolve(workdir, target);
      const base = contextPath(source);
      for (const file of files) {
        const relative = file === base ? posix.basename(file) : posix.relative(base, file);
        const targetPath = intoFolder || file !== base ? posix.join(into, relative) : into;
        const copied = join(dest, targetPath);
        mkdirSync(dirname(copied), { recursive: true });
        copyFileSync(join(root, file), copied);
      }
    }
  } else if (keyword === "RUN") {
    for (const name of aptPackages(words)) appendFileSync(join(dest, `apt-packages.${stage}`), `${name}\n`);
  }
  if (keyword === "RUN" && stage === 0 && words.includes("cmake") && words.includes("-S")) {
    sourceDir = posix.resolve(workdir, words[words.indexOf("-S") + 1]);
    cmakeOptions.push(...words.filter((word) => /^-D\w+=/.test(word)));
  }
}

if (missing.length > 0) {
  console.error(`${containerfile}: COPY names what the build context lacks: ${missing.join(", ")}`);
  process.exit(1);
}
if (sourceDir === null) {
  console.error(`${containerfile}: the build stage runs no "cmake -S"`);
  process.exit(1);
}
console.log([sourceDir, ...cmakeOptions].join("\n"));
