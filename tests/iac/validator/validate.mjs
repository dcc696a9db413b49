#!/usr/bin/env node
// SPDX-FileCopyrightText: 2026 Nimbus developers
// SPDX-License-Identifier: MIT
//
// Offline checker for CloudFormation / SAM templates.
//
//   node validate.mjs --sam-schema sam.schema.json [--json] [--allow-missing-required]
//                     [--prefix DIR] FILE_OR_DIR...
//
// AWS::Serverless::* resources are validated against their own definition in the AWS SAM
// JSON schema (draft-04, compiled with ajv-draft-04); every other resource against the
// CloudFormation resource database of @aws-cdk/aws-service-spec (db.json.gz). References
// (Ref, Fn::GetAtt, Fn::Sub variables, DependsOn, conditions, mappings) are resolved
// against the template. Exit status: 0 no problems, 1 problems, 2 usage error.
//
// The npm packages are looked up under --prefix DIR (as with `npm install --prefix DIR`),
// then NODE_PATH, then next to this script.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';

const USAGE =
    'usage: node validate.mjs --sam-schema FILE [--json] [--allow-missing-required] ' +
    '[--prefix DIR] FILE_OR_DIR...';

class UsageError extends Error {}

// ------------------------------------------------------------------------------------------
// Command line

function parseArgs(argv) {
    const opts = { samSchema: null, json: false, allowMissingRequired: false, prefix: null,
                   inputs: [] };
    for (let i = 0; i < argv.length; ++i) {
        const a = argv[i];
        const value = () => {
            if (i + 1 >= argv.length) throw new UsageError(`${a} needs a value`);
            return argv[++i];
        };
        if (a === '--sam-schema') opts.samSchema = value();
        else if (a.startsWith('--sam-schema=')) opts.samSchema = a.slice(13);
        else if (a === '--prefix') opts.prefix = value();
        else if (a.startsWith('--prefix=')) opts.prefix = a.slice(9);
        else if (a === '--json') opts.json = true;
        else if (a === '--allow-missing-required') opts.allowMissingRequired = true;
        else if (a === '-h' || a === '--help') { process.stdout.write(USAGE + '\n'); process.exit(0); }
        else if (a === '--') { opts.inputs.push(...argv.slice(i + 1)); break; }
        else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
        else opts.inputs.push(a);
    }
    if (!opts.samSchema) throw new UsageError('--sam-schema is required');
    if (!fs.existsSync(opts.samSchema)) throw new UsageError(`SAM schema not found: ${opts.samSchema}`);
    if (opts.inputs.length === 0) throw new UsageError('no template file or directory given');
    return opts;
}

function loadPackages(prefix) {
    const requirers = [];
    if (prefix) requirers.push(createRequire(path.join(path.resolve(prefix), 'noop.js')));
    requirers.push(createRequire(import.meta.url)); // NODE_PATH and node_modules next to us
    const load = (name) => {
        let lastError;
        for (const req of requirers) {
            try { return { mod: req(name), resolve: (p) => req.resolve(p) }; }
            catch (e) { lastError = e; }
        }
        throw new UsageError(`cannot load the npm package ${name} (${lastError.code ?? lastError.message}); ` +
                             'install tests/iac/validator/package.json with npm and pass --prefix or NODE_PATH');
    };
    const yaml = load('js-yaml').mod;
    const ajv04 = load('ajv-draft-04').mod;
    const spec = load('@aws-cdk/aws-service-spec');
    const dbPath = path.join(path.dirname(spec.resolve('@aws-cdk/aws-service-spec')), '..', 'db.json.gz');
    return { yaml, Ajv04: ajv04.default ?? ajv04, dbPath };
}

// ------------------------------------------------------------------------------------------
// Small helpers

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);
const has = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

function kindOf(v) {
    if (v === null || v === undefined) return 'null';
    if (Array.isArray(v)) return 'a list';
    if (isObject(v)) {
        const keys = Object.keys(v);
        if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) return `the intrinsic function ${keys[0]}`;
        return 'a mapping';
    }
    if (typeof v === 'string') return `the string '${v.length > 40 ? v.slice(0, 37) + '...' : v}'`;
    if (typeof v === 'number') return `the number ${v}`;
    if (typeof v === 'boolean') return `the boolean ${v}`;
    return typeof v;
}

function formatPath(segments) {
    let out = '';
    for (const s of segments) {
        if (typeof s === 'number') out += `[${s}]`;
        else out += (out ? '.' : '') + s;
    }
    return out;
}

function editDistance(a, b) {
    const m = a.length, n = b.length;
    let prev = Array.from({ length: n + 1 }, (_, j) => j);
    for (let i = 1; i <= m; ++i) {
        const cur = [i];
        for (let j = 1; j <= n; ++j)
            cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = cur;
    }
    return prev[n];
}

function suggestion(name, candidates) {
    let best = null, bestScore = Infinity;
    for (const c of candidates) {
        const d = c.toLowerCase() === name.toLowerCase() ? 0 : editDistance(name.toLowerCase(), c.toLowerCase());
        if (d < bestScore) { best = c; bestScore = d; }
    }
    const limit = Math.max(1, Math.min(3, Math.floor(name.length / 3)));
    return best !== null && bestScore <= limit ? ` (did you mean '${best}'?)` : '';
}

function listNames(names, max = 12) {
    const sorted = [...names].sort();
    return sorted.length > max ? sorted.slice(0, max).join(', ') + ', ...' : sorted.join(', ');
}

// ------------------------------------------------------------------------------------------
// Reading templates: YAML with every CloudFormation short-form tag, turned into the long form

const SHORT_FORMS = {
    Ref: 'Ref', Condition: 'Condition',
    GetAtt: 'Fn::GetAtt', Sub: 'Fn::Sub', Join: 'Fn::Join', Select: 'Fn::Select',
    Split: 'Fn::Split', If: 'Fn::If', Equals: 'Fn::Equals', Not: 'Fn::Not', And: 'Fn::And',
    Or: 'Fn::Or', FindInMap: 'Fn::FindInMap', ImportValue: 'Fn::ImportValue',
    Base64: 'Fn::Base64', Cidr: 'Fn::Cidr', GetAZs: 'Fn::GetAZs', Transform: 'Fn::Transform',
    ToJsonString: 'Fn::ToJsonString', Length: 'Fn::Length',
};

function makeYamlSchema(yaml) {
    const types = [];
    for (const [tag, long] of Object.entries(SHORT_FORMS)) {
        for (const kind of ['scalar', 'sequence', 'mapping']) {
            types.push(new yaml.Type(`!${tag}`, {
                kind,
                construct(data) {
                    if (kind === 'scalar') {
                        const text = data === null || data === undefined ? '' : String(data);
                        if (tag === 'GetAtt') {
                            const dot = text.indexOf('.');
                            return { [long]: dot < 0 ? [text] : [text.slice(0, dot), text.slice(dot + 1)] };
                        }
                        return { [long]: text };
                    }
                    return { [long]: data ?? (kind === 'sequence' ? [] : {}) };
                },
            }));
        }
    }
    // CORE keeps scalars such as `Version: 2012-10-17` strings (no timestamps, no merge keys).
    return yaml.CORE_SCHEMA.extend(types);
}

function readTemplate(file, yaml, yamlSchema) {
    const problems = [];
    let text;
    try { text = fs.readFileSync(file, 'utf8'); }
    catch (e) { return { doc: undefined, problems: [{ path: '', message: `cannot read: ${e.message}` }] }; }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (/\.json$/i.test(file)) {
        try { return { doc: JSON.parse(text), problems }; }
        catch (e) { return { doc: undefined, problems: [{ path: '', message: `invalid JSON: ${e.message}` }] }; }
    }
    const load = (json) => yaml.load(text, { schema: yamlSchema, filename: file, json });
    try {
        return { doc: load(false), problems };
    } catch (e) {
        const where = e.mark ? `line ${e.mark.line + 1}, column ${e.mark.column + 1}` : '';
        const reason = e.reason ?? e.message;
        if (/duplicated mapping key/.test(reason)) {
            // Policy: a duplicate key is a problem, reported with its line; the last value wins
            // (as in AWS's own parser) so the rest of the template is still checked.
            problems.push({ path: '', message: `duplicated mapping key at ${where} (the last value is used)` });
            try { return { doc: load(true), problems }; }
            catch (e2) {
                const w2 = e2.mark ? `line ${e2.mark.line + 1}, column ${e2.mark.column + 1}` : '';
                problems.push({ path: '', message: `invalid YAML at ${w2}: ${e2.reason ?? e2.message}` });
                return { doc: undefined, problems };
            }
        }
        problems.push({ path: '', message: `invalid YAML at ${where}: ${reason}` });
        return { doc: undefined, problems };
    }
}

// ------------------------------------------------------------------------------------------
// The CloudFormation resource database (@aws-cdk/aws-service-spec)

class ServiceSpec {
    constructor(dbPath) {
        const db = JSON.parse(zlib.gunzipSync(fs.readFileSync(dbPath)).toString('utf8'));
        this.resources = new Map();
        for (const r of Object.values(db.schema.resource.entities)) this.resources.set(r.cloudFormationType, r);
        this.types = new Map(); // typeDefinition $id -> definition
        for (const t of Object.values(db.schema.typeDefinition.entities)) this.types.set(String(t.$id), t);
    }

    resource(type) { return this.resources.get(type); }
    typeDef(ref) { return this.types.get(String(ref?.$ref ?? ref)); }

    describe(t) {
        switch (t?.type) {
        case 'string': return 'a string';
        case 'date-time': return 'a date-time string';
        case 'integer': return 'an integer';
        case 'number': return 'a number';
        case 'boolean': return 'a boolean';
        case 'json': return 'JSON';
        case 'tag': return 'a tag {Key, Value}';
        case 'array': return `a list of ${this.describe(t.element).replace(/^an? /, '')}`;
        case 'map': return 'a mapping';
        case 'ref': return `a mapping (${this.typeDef(t.reference)?.name ?? 'structured'})`;
        case 'union': return t.types.map((x) => this.describe(x)).join(' or ');
        default: return t?.type ?? 'a value';
        }
    }
}

// ------------------------------------------------------------------------------------------
// The AWS SAM schema, compiled with ajv-draft-04

const SAM_ID = 'sam.schema.json';

class SamSchema {
    constructor(file, Ajv04) {
        this.root = JSON.parse(fs.readFileSync(file, 'utf8'));
        this.ajv = new Ajv04({ allErrors: false, strict: false, validateSchema: false });
        this.ajv.addSchema(this.root, SAM_ID);
        this.validators = new Map();
        this.resourceDefs = new Map(); // AWS::Serverless::X -> definition name
        for (const [name, def] of Object.entries(this.root.definitions ?? {})) {
            const types = def?.properties?.Type?.enum;
            if (name.endsWith('_Resource') && Array.isArray(types))
                for (const t of types) if (String(t).startsWith('AWS::Serverless::')) this.resourceDefs.set(t, name);
        }
        this.globalsDef = this.root.properties?.Globals?.$ref ?? null;
    }

    pointerOf(name) { return `/definitions/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`; }

    at(pointer) {
        let node = this.root;
        for (const raw of pointer.split('/').slice(1)) {
            const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
            node = node?.[key];
        }
        return node;
    }

    validatorAt(pointer) {
        let v = this.validators.get(pointer);
        if (!v) {
            v = this.ajv.getSchema(`${SAM_ID}#${pointer}`);
            if (!v) throw new Error(`SAM schema has nothing at ${pointer}`);
            this.validators.set(pointer, v);
        }
        return v;
    }

    // Follows $ref chains: returns { schema, pointer }.
    resolve(schema, pointer) {
        let guard = 0;
        while (isObject(schema) && typeof schema.$ref === 'string' && guard++ < 50) {
            if (!schema.$ref.startsWith('#')) break;
            pointer = schema.$ref.slice(1);
            schema = this.at(pointer);
        }
        return { schema, pointer };
    }

    // Validates value against the schema at pointer and explains failures in plain words.
    check(pointer, value, pathSegs) {
        if (this.validatorAt(pointer)(value)) return [];
        const out = this.explain(this.at(pointer), pointer, value, pathSegs);
        if (out.length === 0) {
            const errs = this.validatorAt(pointer).errors ?? [];
            out.push({ path: formatPath(pathSegs), message:
                `does not match the SAM schema: ${errs.map((e) => `${e.instancePath} ${e.message}`).join('; ')}` });
        }
        return out;
    }

    static typeMatches(type, v) {
        const types = Array.isArray(type) ? type : [type];
        return types.some((t) => {
            switch (t) {
            case 'object': return isObject(v);
            case 'array': return Array.isArray(v);
            case 'string': return typeof v === 'string';
            case 'integer': return Number.isInteger(v);
            case 'number': return typeof v === 'number';
            case 'boolean': return typeof v === 'boolean';
            case 'null': return v === null;
            default: return true;
            }
        });
    }

    static typeWords(type) {
        const words = { object: 'a mapping', array: 'a list', string: 'a string', integer: 'an integer',
                        number: 'a number', boolean: 'a boolean', null: 'null' };
        return (Array.isArray(type) ? type : [type]).map((t) => words[t] ?? t).join(' or ');
    }

    explain(schemaIn, pointerIn, v, segs) {
        const { schema: s, pointer } = this.resolve(schemaIn, pointerIn);
        if (!isObject(s)) return [];
        if (this.validatorAt(pointer)(v)) return [];
        const here = formatPath(segs);
        const out = [];
        if (Array.isArray(s.allOf))
            s.allOf.forEach((sub, i) => out.push(...this.explain(sub, `${pointer}/allOf/${i}`, v, segs)));
        for (const key of ['anyOf', 'oneOf']) {
            if (!Array.isArray(s[key])) continue;
            let branches = s[key].map((b, i) => {
                const r = this.resolve(b, `${pointer}/${key}/${i}`);
                return { schema: b, ptr: `${pointer}/${key}/${i}`, resolved: r.schema };
            });
            // A branch whose Type enum excludes the value's Type is not the one meant.
            if (isObject(v) && typeof v.Type === 'string') {
                const typed = branches.filter((b) => Array.isArray(b.resolved?.properties?.Type?.enum));
                if (typed.length > 0) {
                    const match = branches.filter((b) => !Array.isArray(b.resolved?.properties?.Type?.enum) ||
                                                         b.resolved.properties.Type.enum.includes(v.Type));
                    if (match.length === 0) {
                        const all = new Set(typed.flatMap((b) => b.resolved.properties.Type.enum));
                        out.push({ path: formatPath([...segs, 'Type']),
                                   message: `unknown Type '${v.Type}'; expected one of: ${listNames(all, 30)}` });
                        continue;
                    }
                    branches = match;
                }
            }
            const byKind = branches.filter((b) => !b.resolved?.type || SamSchema.typeMatches(b.resolved.type, v));
            if (byKind.length === 0) {
                const kinds = [...new Set(branches.map((b) => SamSchema.typeWords(b.resolved?.type)))];
                out.push({ path: here, message: `expected ${kinds.join(' or ')}, got ${kindOf(v)}` });
                continue;
            }
            let best = null;
            for (const b of byKind) {
                const r = this.explain(b.schema, b.ptr, v, segs);
                if (best === null || r.length < best.length) best = r;
                if (r.length === 0) break;
            }
            out.push(...best);
        }
        if (s.type !== undefined && !SamSchema.typeMatches(s.type, v)) {
            out.push({ path: here, message: `expected ${SamSchema.typeWords(s.type)}, got ${kindOf(v)}` });
            return out;
        }
        if (Array.isArray(s.enum) && !s.enum.some((e) => JSON.stringify(e) === JSON.stringify(v)))
            out.push({ path: here, message: `must be one of: ${s.enum.map((e) => JSON.stringify(e)).join(', ')}; got ${kindOf(v)}` });
        if (typeof s.pattern === 'string' && typeof v === 'string' && !new RegExp(s.pattern, 'u').test(v))
            out.push({ path: here, message: `${kindOf(v)} does not match the pattern ${s.pattern}` });
        if (isObject(v)) {
            const props = isObject(s.properties) ? s.properties : {};
            for (const [k, val] of Object.entries(v)) {
                if (has(props, k)) {
                    out.push(...this.explain(props[k], `${pointer}/properties/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, val, [...segs, k]));
                } else if (s.additionalProperties === false) {
                    out.push({ path: here, message: `unknown property '${k}'${suggestion(k, Object.keys(props))}` });
                } else if (isObject(s.additionalProperties)) {
                    out.push(...this.explain(s.additionalProperties, `${pointer}/additionalProperties`, val, [...segs, k]));
                }
            }
            for (const r of Array.isArray(s.required) ? s.required : [])
                if (!has(v, r)) out.push({ path: here, message: `missing required property '${r}'`, required: true });
        }
        if (Array.isArray(v) && isObject(s.items))
            v.forEach((el, i) => out.push(...this.explain(s.items, `${pointer}/items`, el, [...segs, i])));
        return out;
    }
}

// ------------------------------------------------------------------------------------------
// Template checks

const TOP_LEVEL = new Set(['AWSTemplateFormatVersion', 'Description', 'Metadata', 'Parameters', 'Rules',
                           'Mappings', 'Conditions', 'Transform', 'Resources', 'Outputs', 'Hooks', 'Globals']);
const RESOURCE_ATTRIBUTES = new Set(['Type', 'Properties', 'DependsOn', 'Condition', 'Metadata', 'DeletionPolicy',
                                     'UpdateReplacePolicy', 'UpdatePolicy', 'CreationPolicy']);
const DELETION_POLICIES = new Set(['Delete', 'Retain', 'RetainExceptOnCreate', 'Snapshot']);
const PARAMETER_KEYS = new Set(['Type', 'Default', 'AllowedValues', 'AllowedPattern', 'ConstraintDescription',
                                'Description', 'MaxLength', 'MaxValue', 'MinLength', 'MinValue', 'NoEcho']);
const OUTPUT_KEYS = new Set(['Description', 'Value', 'Export', 'Condition']);
const PSEUDO_PARAMETERS = new Set(['AWS::Region', 'AWS::AccountId', 'AWS::StackName', 'AWS::StackId',
                                   'AWS::Partition', 'AWS::URLSuffix', 'AWS::NoValue', 'AWS::NotificationARNs']);
const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';
const LOGICAL_ID = /^[A-Za-z0-9]+$/;
const MAX_RESOURCES = 500;
const MAX_PARAMETERS = 200;
const MAX_OUTPUTS = 200;
const MAX_MAPPINGS = 200;

// What each SAM resource becomes, for its Fn::GetAtt attributes.
const SAM_UNDERLYING = {
    'AWS::Serverless::Function': 'AWS::Lambda::Function',
    'AWS::Serverless::Api': 'AWS::ApiGateway::RestApi',
    'AWS::Serverless::HttpApi': 'AWS::ApiGatewayV2::Api',
    'AWS::Serverless::WebSocketApi': 'AWS::ApiGatewayV2::Api',
    'AWS::Serverless::SimpleTable': 'AWS::DynamoDB::Table',
    'AWS::Serverless::StateMachine': 'AWS::StepFunctions::StateMachine',
    'AWS::Serverless::LayerVersion': 'AWS::Lambda::LayerVersion',
    'AWS::Serverless::Application': 'AWS::CloudFormation::Stack',
    'AWS::Serverless::GraphQLApi': 'AWS::AppSync::GraphQLApi',
    'AWS::Serverless::CapacityProvider': 'AWS::Lambda::CapacityProvider',
};

// `Ref: Name.Suffix` forms SAM resolves (referenceable properties).
const SAM_REF_SUFFIXES = {
    'AWS::Serverless::Function': ['Alias', 'Version', 'DestinationTopic', 'DestinationQueue'],
    'AWS::Serverless::Api': ['Stage', 'Deployment', 'DomainName', 'BasePathMapping', 'ApiKey', 'UsagePlan', 'UsagePlanKey'],
    'AWS::Serverless::HttpApi': ['Stage', 'DomainName', 'BasePathMapping'],
    'AWS::Serverless::WebSocketApi': ['Stage', 'DomainName', 'BasePathMapping'],
    'AWS::Serverless::LayerVersion': ['Version'],
};

const INTRINSIC_ARITY = {
    'Fn::GetAtt': 'a list [Resource, Attribute] or the string Resource.Attribute',
    'Fn::Join': 'a list [delimiter, list]',
    'Fn::Select': 'a list [index, list]',
    'Fn::Split': 'a list [delimiter, string]',
    'Fn::If': 'a list [condition, value if true, value if false]',
    'Fn::Equals': 'a list of two values',
    'Fn::Not': 'a list of one condition',
    'Fn::And': 'a list of 2 to 10 conditions',
    'Fn::Or': 'a list of 2 to 10 conditions',
    'Fn::FindInMap': 'a list [map, top-level key, second-level key]',
    'Fn::Cidr': 'a list [ip block, count, cidr bits]',
    'Fn::Sub': 'a string or a list [string, variables]',
};
const KNOWN_INTRINSICS = new Set(['Ref', 'Fn::GetAtt', 'Fn::Sub', 'Fn::Join', 'Fn::Select', 'Fn::Split', 'Fn::If',
    'Fn::Equals', 'Fn::Not', 'Fn::And', 'Fn::Or', 'Fn::FindInMap', 'Fn::ImportValue', 'Fn::Base64', 'Fn::Cidr',
    'Fn::GetAZs', 'Fn::Transform', 'Fn::ToJsonString', 'Fn::Length']);

function intrinsicName(v) {
    if (!isObject(v)) return null;
    const keys = Object.keys(v);
    if (keys.length !== 1) return null;
    return keys[0] === 'Ref' || keys[0].startsWith('Fn::') ? keys[0] : null;
}

// An object AWS fills in or rewrites before validation (AWS::Include, ForEach): not checked key by key.
function isOpaque(obj) {
    return Object.keys(obj).some((k) => k === 'Fn::Transform' || k.startsWith('Fn::ForEach::'));
}

function transformsOf(t) {
    if (t === undefined || t === null) return [];
    const list = Array.isArray(t) ? t : [t];
    return list.map((x) => (isObject(x) ? x.Name : x)).filter((x) => typeof x === 'string');
}

class TemplateChecker {
    constructor(spec, sam, opts) {
        this.spec = spec;
        this.sam = sam;
        this.opts = opts;
    }

    check(doc) {
        this.problems = [];
        this.resourceCount = 0;
        this._sam = null;
        const add = (segs, message) => this.problems.push({ path: formatPath(segs), message });
        this.add = add;
        if (doc === undefined || doc === null) { add([], 'the template is empty'); return; }
        if (!isObject(doc)) { add([], `the template must be a mapping, got ${kindOf(doc)}`); return; }
        this.doc = doc;
        for (const k of Object.keys(doc))
            if (!TOP_LEVEL.has(k) && !k.startsWith('Fn::Transform')) add([k], `unknown top-level section '${k}'${suggestion(k, TOP_LEVEL)}`);

        const v = doc.AWSTemplateFormatVersion;
        if (v !== undefined && v !== '2010-09-09')
            add(['AWSTemplateFormatVersion'], `must be '2010-09-09', got ${kindOf(v)}`);
        if (doc.Description !== undefined && typeof doc.Description !== 'string')
            add(['Description'], `must be a string, got ${kindOf(doc.Description)}`);
        else if (typeof doc.Description === 'string' && Buffer.byteLength(doc.Description) > 1024)
            add(['Description'], 'is longer than 1024 bytes');

        const transforms = transformsOf(doc.Transform);
        if (doc.Transform !== undefined && transforms.length === 0)
            add(['Transform'], `must name a transform, got ${kindOf(doc.Transform)}`);
        this.isSam = transforms.includes(SAM_TRANSFORM);
        this.hasMacros = transforms.some((t) => t !== SAM_TRANSFORM && t !== 'AWS::LanguageExtensions');

        this.parameters = this.section('Parameters');
        this.mappings = this.section('Mappings');
        this.conditions = this.section('Conditions');
        this.resources = this.section('Resources');
        this.outputs = this.section('Outputs');
        const globals = this.section('Globals');

        this.checkParameters();
        this.checkMappings();
        this.checkConditions();
        this.checkResources();
        this.checkOutputs();
        if (doc.Globals !== undefined) {
            if (!this.isSam) add(['Globals'], `the Globals section needs Transform: ${SAM_TRANSFORM}`);
            else if (globals && this.sam.globalsDef) {
                const pointer = this.sam.globalsDef.slice(1);
                const problems = this.filterRequired(this.sam.check(pointer, globals, ['Globals']));
                this.problems.push(...problems);
                if (problems.length === 0) this.checkSamPassThrough(this.sam.at(pointer), pointer, globals, ['Globals']);
                this.walk(globals, ['Globals'], {});
            }
        }
    }

    // Returns the section as a mapping ({} when absent) and reports a wrong shape.
    section(name) {
        const s = this.doc[name];
        if (s === undefined) return {};
        if (s === null) {
            this.add([name], name === 'Resources' ? 'must declare at least one resource (it is empty)'
                                                  : 'is empty (null); remove it or give it entries');
            return {};
        }
        if (!isObject(s)) { this.add([name], `must be a mapping, got ${kindOf(s)}`); return {}; }
        return s;
    }

    filterRequired(list) {
        return this.opts.allowMissingRequired ? list.filter((p) => !p.required) : list;
    }

    checkLogicalIds(sectionName, obj, max) {
        const ids = Object.keys(obj).filter((k) => !k.startsWith('Fn::'));
        for (const id of ids) {
            if (!LOGICAL_ID.test(id)) this.add([sectionName, id], 'logical id must be alphanumeric (A-Z, a-z, 0-9)');
            else if (id.length > 255) this.add([sectionName, id], 'logical id is longer than 255 characters');
        }
        if (ids.length > max) this.add([sectionName], `has ${ids.length} entries; CloudFormation allows at most ${max}`);
        return ids;
    }

    checkParameters() {
        this.checkLogicalIds('Parameters', this.parameters, MAX_PARAMETERS);
        for (const [name, p] of Object.entries(this.parameters)) {
            const segs = ['Parameters', name];
            if (!isObject(p)) { this.add(segs, `must be a mapping, got ${kindOf(p)}`); continue; }
            for (const k of Object.keys(p))
                if (!PARAMETER_KEYS.has(k)) this.add(segs, `unknown parameter attribute '${k}'${suggestion(k, PARAMETER_KEYS)}`);
            if (p.Type === undefined) this.add(segs, "missing required attribute 'Type'");
            else if (typeof p.Type !== 'string' ||
                     !/^(String|Number|List<Number>|CommaDelimitedList|AWS::.+|List<AWS::.+>)$/.test(p.Type))
                this.add([...segs, 'Type'], `unknown parameter type ${kindOf(p.Type)}`);
        }
    }

    checkMappings() {
        this.checkLogicalIds('Mappings', this.mappings, MAX_MAPPINGS);
        for (const [name, m] of Object.entries(this.mappings)) {
            if (name.startsWith('Fn::')) continue;
            if (!isObject(m)) { this.add(['Mappings', name], `must be a mapping, got ${kindOf(m)}`); continue; }
            for (const [k, inner] of Object.entries(m))
                if (!isObject(inner) && !intrinsicName(inner))
                    this.add(['Mappings', name, k], `must be a mapping of names to values, got ${kindOf(inner)}`);
        }
    }

    checkConditions() {
        this.checkLogicalIds('Conditions', this.conditions, Infinity);
        for (const [name, c] of Object.entries(this.conditions)) {
            const segs = ['Conditions', name];
            const fn = intrinsicName(c) ?? (isObject(c) && Object.keys(c).length === 1 && has(c, 'Condition') ? 'Condition' : null);
            if (!fn) { this.add(segs, `must be a condition function (Fn::Equals, Fn::And, Fn::Or, Fn::Not, Condition), got ${kindOf(c)}`); continue; }
            this.walk(c, segs, { inCondition: true, conditionsOnlyParameters: true });
        }
    }

    checkResources() {
        const doc = this.doc;
        if (doc.Resources === undefined) { this.add([], "missing required section 'Resources'"); return; }
        const ids = this.checkLogicalIds('Resources', this.resources, MAX_RESOURCES);
        const opaque = Object.keys(this.resources).some((k) => k.startsWith('Fn::'));
        if (ids.length === 0 && !opaque && doc.Resources !== null)
            this.add(['Resources'], 'must declare at least one resource');
        this.resourceCount = ids.length;
        for (const id of ids) this.checkResource(id, this.resources[id]);
    }

    checkResource(id, res) {
        const segs = ['Resources', id];
        if (!isObject(res)) { this.add(segs, `must be a mapping with a Type, got ${kindOf(res)}`); return; }
        const type = res.Type;
        if (typeof type !== 'string') {
            this.add(segs, type === undefined ? "missing required attribute 'Type'" : `Type must be a string, got ${kindOf(type)}`);
            this.walk(res, segs, {});
            return;
        }
        const isSamType = type.startsWith('AWS::Serverless::');
        if (!isSamType) {
            for (const k of Object.keys(res))
                if (!RESOURCE_ATTRIBUTES.has(k)) this.add(segs, `unknown resource attribute '${k}'${suggestion(k, RESOURCE_ATTRIBUTES)}`);
        }
        for (const k of ['DeletionPolicy', 'UpdateReplacePolicy']) {
            const p = res[k];
            if (p !== undefined && !intrinsicName(p) && !DELETION_POLICIES.has(p))
                this.add([...segs, k], `must be one of ${[...DELETION_POLICIES].join(', ')}; got ${kindOf(p)}`);
        }
        if (res.Condition !== undefined) {
            if (typeof res.Condition !== 'string') this.add([...segs, 'Condition'], `must be a condition name, got ${kindOf(res.Condition)}`);
            else if (!has(this.conditions, res.Condition))
                this.add([...segs, 'Condition'], `unknown condition '${res.Condition}'${suggestion(res.Condition, Object.keys(this.conditions))}`);
        }
        if (res.DependsOn !== undefined) {
            const deps = Array.isArray(res.DependsOn) ? res.DependsOn : [res.DependsOn];
            deps.forEach((d, i) => {
                const dsegs = Array.isArray(res.DependsOn) ? [...segs, 'DependsOn', i] : [...segs, 'DependsOn'];
                if (typeof d !== 'string') this.add(dsegs, `must name a resource, got ${kindOf(d)}`);
                else if (d === id) this.add(dsegs, 'a resource cannot depend on itself');
                else if (!this.isResourceId(d)) this.add(dsegs, `DependsOn unknown resource '${d}'${suggestion(d, Object.keys(this.resources))}`);
            });
        }
        if (res.Properties !== undefined && res.Properties !== null && !isObject(res.Properties))
            this.add([...segs, 'Properties'], `must be a mapping, got ${kindOf(res.Properties)}`);

        if (isSamType) this.checkSamResource(id, type, res, segs);
        else this.checkCfnResource(id, type, res, segs);

        for (const k of ['Properties', 'Metadata', 'UpdatePolicy', 'CreationPolicy', 'Connectors'])
            if (res[k] !== undefined) this.walk(res[k], [...segs, k], {});
    }

    checkSamResource(id, type, res, segs) {
        if (!this.isSam) this.add([...segs, 'Type'], `${type} needs Transform: ${SAM_TRANSFORM}`);
        const defName = this.sam.resourceDefs.get(type);
        if (!defName) {
            this.add([...segs, 'Type'], `unknown SAM resource type '${type}'${suggestion(type, this.sam.resourceDefs.keys())}`);
            return;
        }
        const pointer = this.sam.pointerOf(defName);
        const problems = this.filterRequired(this.sam.check(pointer, res, segs));
        this.problems.push(...problems);
        if (problems.length === 0) this.checkSamPassThrough(this.sam.at(pointer), pointer, res, segs);

        // Connector ends name resources of this template by logical id.
        if (type === 'AWS::Serverless::Connector' && isObject(res.Properties))
            this.checkConnectorEnds(res.Properties, [...segs, 'Properties'], ['Source', 'Destination']);
        if (isObject(res.Connectors))
            for (const [name, c] of Object.entries(res.Connectors))
                if (isObject(c?.Properties))
                    this.checkConnectorEnds(c.Properties, [...segs, 'Connectors', name, 'Properties'], ['Destination']);
    }

    checkConnectorEnds(props, segs, ends) {
        for (const end of ends) {
            const v = props[end];
            const list = Array.isArray(v) ? v : [v];
            list.forEach((e, i) => {
                if (!isObject(e) || typeof e.Id !== 'string') return;
                if (!this.isResourceId(e.Id))
                    this.add([...segs, end, ...(Array.isArray(v) ? [i] : []), 'Id'],
                             `connector ${end.toLowerCase()} '${e.Id}' is not a resource of this template${suggestion(e.Id, Object.keys(this.resources))}`);
            });
        }
    }

    // Properties SAM passes unchanged to a CloudFormation resource are only `{}` in the SAM
    // schema: check them against the resource database where SAM names the same property.
    checkSamPassThrough(node, pointer, v, segs, depth = 0) {
        if (!isObject(node) || depth > 40 || v === undefined || intrinsicName(v)) return;
        const target = node.__samPassThrough?.schemaPath;
        if (Array.isArray(target)) {
            const name = segs[segs.length - 1];
            if (target.length === 6 && target[0] === 'definitions' && target[3] === 'Properties' && target[5] === name) {
                const prop = this.spec.resource(target[1])?.properties?.[name];
                this.currentType = target[1];
                if (prop) this.problems.push(...this.checkPropertyValue(v, prop, segs));
            }
            return;
        }
        const r = this.sam.resolve(node, pointer);
        const s = r.schema;
        if (!isObject(s)) return;
        if (Array.isArray(s.allOf))
            s.allOf.forEach((sub, i) => this.checkSamPassThrough(sub, `${r.pointer}/allOf/${i}`, v, segs, depth + 1));
        if (Array.isArray(s.anyOf)) {
            // The branch the value matches (by its Type, then by the SAM schema itself).
            const branch = s.anyOf.findIndex((b, i) => {
                const rb = this.sam.resolve(b, `${r.pointer}/anyOf/${i}`);
                const types = rb.schema?.properties?.Type?.enum;
                if (Array.isArray(types) && !(isObject(v) && types.includes(v.Type))) return false;
                return this.sam.validatorAt(rb.pointer)(v);
            });
            if (branch >= 0) this.checkSamPassThrough(s.anyOf[branch], `${r.pointer}/anyOf/${branch}`, v, segs, depth + 1);
        }
        if (isObject(v) && isObject(s.properties)) {
            for (const [k, val] of Object.entries(v)) {
                if (has(s.properties, k))
                    this.checkSamPassThrough(s.properties[k], `${r.pointer}/properties/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, val, [...segs, k], depth + 1);
                else if (isObject(s.additionalProperties))
                    this.checkSamPassThrough(s.additionalProperties, `${r.pointer}/additionalProperties`, val, [...segs, k], depth + 1);
            }
        } else if (isObject(v) && isObject(s.additionalProperties)) {
            for (const [k, val] of Object.entries(v))
                this.checkSamPassThrough(s.additionalProperties, `${r.pointer}/additionalProperties`, val, [...segs, k], depth + 1);
        }
        if (Array.isArray(v) && isObject(s.items))
            v.forEach((el, i) => this.checkSamPassThrough(s.items, `${r.pointer}/items`, el, [...segs, i], depth + 1));
    }

    checkCfnResource(id, type, res, segs) {
        if (type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource') {
            if (!/^Custom::[A-Za-z0-9_@-]{1,60}$/.test(type) && type !== 'AWS::CloudFormation::CustomResource')
                this.add([...segs, 'Type'], 'a custom resource type is Custom:: followed by up to 60 letters, digits, _ @ -');
            const p = res.Properties;
            if (!this.opts.allowMissingRequired && (!isObject(p) || (!has(p, 'ServiceToken') && !isOpaque(p))) && !intrinsicName(p))
                this.add([...segs, 'Properties'], "missing required property 'ServiceToken'");
            return;
        }
        if (/::MODULE$/.test(type)) return; // registry modules: their schema is not public
        const entity = this.spec.resource(type);
        if (!entity) {
            if (this.hasMacros) return; // a macro may rewrite it
            const near = suggestion(type, this.spec.resources.keys());
            this.add([...segs, 'Type'], `unknown resource type '${type}'${near}`);
            return;
        }
        const props = res.Properties;
        const psegs = [...segs, 'Properties'];
        this.currentType = type;
        if (props === undefined || props === null) {
            if (!this.opts.allowMissingRequired) {
                const req = Object.entries(entity.properties ?? {}).filter(([, p]) => p.required).map(([n]) => n);
                for (const r of req) this.add(psegs, `missing required property '${r}'`);
            }
            return;
        }
        this.problems.push(...this.checkProperties(props, entity.properties ?? {}, psegs, type));
    }

    // ---- values against the resource database
    checkProperties(obj, props, segs, owner) {
        if (intrinsicName(obj)) return this.checkIntrinsicValue(obj, segs, (v, s) => this.checkProperties(v, props, s, owner));
        if (!isObject(obj)) return [{ path: formatPath(segs), message: `expected a mapping, got ${kindOf(obj)}` }];
        if (isOpaque(obj)) return [];
        const out = [];
        const names = Object.keys(props);
        for (const [k, val] of Object.entries(obj)) {
            if (!has(props, k)) {
                out.push({ path: formatPath(segs), message: `unknown property '${k}' for ${owner}${suggestion(k, names)}` });
                continue;
            }
            out.push(...this.checkPropertyValue(val, props[k], [...segs, k]));
        }
        if (!this.opts.allowMissingRequired)
            for (const [n, p] of Object.entries(props))
                if (p.required && !has(obj, n)) out.push({ path: formatPath(segs), message: `missing required property '${n}'` });
        return out;
    }

    checkPropertyValue(v, prop, segs) {
        const candidates = [prop.type, ...(prop.previousTypes ?? [])];
        let best = null;
        for (const t of candidates) {
            const r = this.checkValue(v, t, segs);
            if (r.length === 0) return r;
            if (best === null || r.length < best.length) best = r;
        }
        return best;
    }

    // Fn::If may carry literal values in its branches: check those; other functions are trusted.
    checkIntrinsicValue(v, segs, checkBranch) {
        if (has(v, 'Fn::If') && Array.isArray(v['Fn::If']) && v['Fn::If'].length === 3) {
            const out = [];
            for (const i of [1, 2]) {
                const b = v['Fn::If'][i];
                if (isObject(b) && b.Ref === 'AWS::NoValue') continue;
                out.push(...checkBranch(b, [...segs, 'Fn::If', i]));
            }
            return out;
        }
        return [];
    }

    checkValue(v, t, segs) {
        const mismatch = () => [{ path: formatPath(segs), message: `expected ${this.spec.describe(t)}, got ${kindOf(v)}` }];
        if (v === null || v === undefined)
            return [{ path: formatPath(segs), message: 'null value: give a value or remove the property' }];
        if (intrinsicName(v)) return this.checkIntrinsicValue(v, segs, (b, s) => this.checkValue(b, t, s));
        switch (t?.type) {
        case 'string':
        case 'date-time':
            return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? [] : mismatch();
        case 'integer':
        case 'number':
            if (typeof v === 'number') return [];
            if (typeof v === 'string' && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v)) return [];
            return mismatch();
        case 'boolean':
            if (typeof v === 'boolean') return [];
            if (typeof v === 'string' && /^(true|false)$/i.test(v)) return [];
            return mismatch();
        case 'json':
            return [];
        case 'tag': {
            if (!isObject(v)) return mismatch();
            const out = [];
            for (const k of Object.keys(v))
                if (k !== 'Key' && k !== 'Value') out.push({ path: formatPath(segs), message: `unknown property '${k}' for a tag (Key, Value)` });
            if (!has(v, 'Key') && !this.opts.allowMissingRequired) out.push({ path: formatPath(segs), message: "missing required property 'Key'" });
            for (const k of ['Key', 'Value']) if (has(v, k)) out.push(...this.checkValue(v[k], { type: 'string' }, [...segs, k]));
            return out;
        }
        case 'array':
            if (!Array.isArray(v)) return mismatch();
            return v.flatMap((el, i) => this.checkValue(el, t.element, [...segs, i]));
        case 'map':
            if (!isObject(v)) return mismatch();
            if (isOpaque(v)) return [];
            return Object.entries(v).flatMap(([k, el]) => this.checkValue(el, t.element, [...segs, k]));
        case 'ref': {
            const def = this.spec.typeDef(t.reference);
            if (!def) return [];
            if (!isObject(v)) return mismatch();
            if (!def.properties || Object.keys(def.properties).length === 0) return [];
            const owner = this.ownerName(def);
            return this.checkProperties(v, def.properties, segs, owner);
        }
        case 'union': {
            let best = null;
            for (const m of t.types) {
                const r = this.checkValue(v, m, segs);
                if (r.length === 0) return r;
                if (best === null || r.length < best.length) best = r;
            }
            // A value of the wrong kind for every member: say what would do.
            if (best.length === 1 && /^expected /.test(best[0].message)) return mismatch();
            return best;
        }
        default:
            return [];
        }
    }

    ownerName(def) {
        return this.currentType ? `${this.currentType}.${def.name}` : def.name;
    }

    checkOutputs() {
        this.checkLogicalIds('Outputs', this.outputs, MAX_OUTPUTS);
        for (const [name, o] of Object.entries(this.outputs)) {
            const segs = ['Outputs', name];
            if (name.startsWith('Fn::')) continue;
            if (!isObject(o)) { this.add(segs, `must be a mapping with a Value, got ${kindOf(o)}`); continue; }
            for (const k of Object.keys(o))
                if (!OUTPUT_KEYS.has(k)) this.add(segs, `unknown output attribute '${k}'${suggestion(k, OUTPUT_KEYS)}`);
            if (!has(o, 'Value')) this.add(segs, "missing required attribute 'Value'");
            else if (o.Value === null) this.add([...segs, 'Value'], 'null value');
            if (o.Export !== undefined && !(isObject(o.Export) && has(o.Export, 'Name')))
                this.add([...segs, 'Export'], "must be a mapping with a Name");
            if (o.Condition !== undefined && (typeof o.Condition !== 'string' || !has(this.conditions, o.Condition)))
                this.add([...segs, 'Condition'], `unknown condition ${kindOf(o.Condition)}`);
            for (const k of ['Value', 'Export'])
                if (o[k] !== undefined) this.walk(o[k], [...segs, k], {});
        }
    }

    // ---- references

    samResources() {
        if (!this._sam) {
            this._sam = Object.entries(this.resources)
                .filter(([, r]) => isObject(r) && typeof r.Type === 'string' && r.Type.startsWith('AWS::Serverless::'))
                .map(([id, r]) => ({ id, type: r.Type, events: isObject(r.Properties?.Events) ? Object.keys(r.Properties.Events) : [] }));
        }
        return this._sam;
    }

    // Logical ids SAM generates (e.g. MyFunctionRole, MyApiProdStage, ServerlessRestApi).
    isSamGenerated(id) {
        if (!this.isSam) return false;
        if (/^Serverless(Rest|Http)Api/.test(id)) return true;
        for (const r of this.samResources()) {
            if (!id.startsWith(r.id) || id.length === r.id.length) continue;
            const suffix = id.slice(r.id.length);
            if (r.events.some((e) => suffix.startsWith(e))) return true;
            switch (r.type) {
            case 'AWS::Serverless::Function':
                if (/^(Role|Alias|Version|EventInvokeConfig|CodeDeployServiceRole|DeploymentGroup|Url|UrlPublicPermissions)/.test(suffix)) return true;
                break;
            case 'AWS::Serverless::StateMachine':
                if (/^(Role|Alias|Version)/.test(suffix)) return true;
                break;
            case 'AWS::Serverless::Api':
            case 'AWS::Serverless::HttpApi':
            case 'AWS::Serverless::WebSocketApi':
                if (/Stage$|^(Deployment|DomainName|BasePathMapping|ApiKey|UsagePlan|ApiGatewayDefaultStage|RecordSetGroup)/.test(suffix)) return true;
                break;
            case 'AWS::Serverless::GraphQLApi':
                return true;
            default:
                break;
            }
        }
        return false;
    }

    isResourceId(id) {
        return (has(this.resources, id) && !id.startsWith('Fn::')) || this.isSamGenerated(id);
    }

    checkRefTarget(name, segs, ctx, how = 'Ref') {
        if (PSEUDO_PARAMETERS.has(name)) return;
        if (has(this.parameters, name)) return;
        if (ctx.conditionsOnlyParameters) {
            this.add(segs, `${how} to '${name}': conditions can only reference parameters and pseudo parameters`);
            return;
        }
        if (ctx.subVars && has(ctx.subVars, name)) return;
        if (this.isResourceId(name)) return;
        const dot = name.indexOf('.');
        if (dot > 0 && how === 'Ref') {
            const base = name.slice(0, dot), suffix = name.slice(dot + 1);
            const r = this.resources[base];
            if (this.isSam && isObject(r) && (SAM_REF_SUFFIXES[r.Type] ?? []).includes(suffix)) return;
        }
        if (name.startsWith('AWS::')) {
            this.add(segs, `${how} to unknown pseudo parameter '${name}'${suggestion(name, PSEUDO_PARAMETERS)}`);
            return;
        }
        const known = [...Object.keys(this.resources), ...Object.keys(this.parameters)];
        this.add(segs, `${how} to unknown resource or parameter '${name}'${suggestion(name, known)}`);
    }

    checkGetAttTarget(resId, attr, segs, ctx, how = 'Fn::GetAtt') {
        if (ctx.conditionsOnlyParameters) {
            this.add(segs, `${how} in a condition: conditions can only reference parameters`);
            return;
        }
        if (!has(this.resources, resId) || resId.startsWith('Fn::')) {
            if (this.isSamGenerated(resId)) return;
            if (has(this.parameters, resId)) { this.add(segs, `${how} target '${resId}' is a parameter, not a resource`); return; }
            this.add(segs, `${how} to unknown resource '${resId}'${suggestion(resId, Object.keys(this.resources))}`);
            return;
        }
        if (typeof attr !== 'string') return; // computed attribute name
        const res = this.resources[resId];
        if (!isObject(res) || typeof res.Type !== 'string') return;
        let type = res.Type;
        if (type.startsWith('AWS::Serverless::')) {
            // SAM resolves Name.Alias, Name.Stage, ... in Fn::GetAtt and ${} as well as in Ref.
            if (this.isSam && (SAM_REF_SUFFIXES[type] ?? []).includes(attr)) return;
            type = SAM_UNDERLYING[type];
            if (!type) {
                this.add(segs, `${how}: ${res.Type} has no attributes`);
                return;
            }
        }
        if (type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource') return;
        if (type === 'AWS::CloudFormation::Stack' && /^Outputs\../.test(attr)) return;
        const entity = this.spec.resource(type);
        if (!entity) return; // reported as an unknown type
        const attrs = Object.keys(entity.attributes ?? {});
        if (attrs.includes(attr)) return;
        this.add(segs, `${how}: ${res.Type} has no attribute '${attr}'${suggestion(attr, attrs)}` +
                       (attrs.length ? ` (attributes: ${listNames(attrs)})` : ' (it has no attributes)'));
    }

    checkSub(arg, segs, ctx) {
        let text, vars = {};
        if (typeof arg === 'string') text = arg;
        else if (Array.isArray(arg) && arg.length === 2 && typeof arg[0] === 'string' && isObject(arg[1])) {
            [text, vars] = arg;
            for (const [k, v] of Object.entries(vars)) this.walk(v, [...segs, 'Fn::Sub', 1, k], ctx);
        } else if (Array.isArray(arg) && arg.length === 2 && intrinsicName(arg[0])) {
            this.walk(arg, [...segs, 'Fn::Sub'], ctx);
            return;
        } else {
            this.add([...segs, 'Fn::Sub'], `expects ${INTRINSIC_ARITY['Fn::Sub']}, got ${kindOf(arg)}`);
            return;
        }
        const re = /\$\{([^}]*)\}/g;
        let m;
        while ((m = re.exec(text)) !== null) {
            const name = m[1].trim();
            if (name.startsWith('!')) continue; // ${!Literal}
            if (name === '') { this.add([...segs, 'Fn::Sub'], 'empty variable ${}'); continue; }
            if (has(vars, name)) continue;
            const local = { ...ctx, subVars: vars };
            const dot = name.indexOf('.');
            if (dot > 0 && !PSEUDO_PARAMETERS.has(name) && !has(this.parameters, name))
                this.checkGetAttTarget(name.slice(0, dot), name.slice(dot + 1), [...segs, 'Fn::Sub'], local, `\${${name}}`);
            else this.checkRefTarget(name, [...segs, 'Fn::Sub'], local, `\${${name}}`);
        }
    }

    checkConditionName(name, segs) {
        if (typeof name !== 'string') { this.add(segs, `must be a condition name, got ${kindOf(name)}`); return; }
        if (!has(this.conditions, name))
            this.add(segs, `unknown condition '${name}'${suggestion(name, Object.keys(this.conditions))}`);
    }

    walk(v, segs, ctx) {
        if (Array.isArray(v)) { v.forEach((el, i) => this.walk(el, [...segs, i], ctx)); return; }
        if (!isObject(v)) return;
        const keys = Object.keys(v);
        if (ctx.inCondition && keys.length === 1 && keys[0] === 'Condition') {
            this.checkConditionName(v.Condition, [...segs, 'Condition']);
            return;
        }
        const fn = intrinsicName(v);
        if (!fn) {
            for (const k of keys) {
                if (k === 'Fn::Transform' || k.startsWith('Fn::ForEach::')) continue;
                this.walk(v[k], [...segs, k], ctx);
            }
            return;
        }
        const arg = v[fn];
        const fsegs = [...segs, fn];
        const shape = (ok) => { if (!ok) this.add(fsegs, `expects ${INTRINSIC_ARITY[fn]}, got ${kindOf(arg)}`); return ok; };
        const isList = (min, max = min) => Array.isArray(arg) && arg.length >= min && arg.length <= max;
        switch (fn) {
        case 'Ref':
            if (typeof arg === 'string') this.checkRefTarget(arg, fsegs, ctx);
            else if (intrinsicName(arg)) this.walk(arg, fsegs, ctx);
            else this.add(fsegs, `Ref needs a logical id or parameter name, got ${kindOf(arg)}`);
            return;
        case 'Fn::GetAtt': {
            let target, attr;
            if (typeof arg === 'string' && arg.indexOf('.') > 0) {
                target = arg.slice(0, arg.indexOf('.'));
                attr = arg.slice(arg.indexOf('.') + 1);
            } else if (isList(2) && typeof arg[0] === 'string') {
                [target, attr] = arg;
                if (typeof attr !== 'string') this.walk(attr, [...fsegs, 1], ctx);
            } else { shape(false); return; }
            this.checkGetAttTarget(target, attr, fsegs, ctx);
            return;
        }
        case 'Fn::Sub':
            this.checkSub(arg, segs, ctx);
            return;
        case 'Fn::If':
            if (!shape(isList(3))) return;
            this.checkConditionName(arg[0], [...fsegs, 0]);
            this.walk(arg[1], [...fsegs, 1], ctx);
            this.walk(arg[2], [...fsegs, 2], ctx);
            return;
        case 'Fn::Equals':
            if (shape(isList(2))) this.walk(arg, fsegs, ctx);
            return;
        case 'Fn::Not':
            if (shape(isList(1))) this.walk(arg, fsegs, { ...ctx, inCondition: true });
            return;
        case 'Fn::And':
        case 'Fn::Or':
            if (shape(isList(2, 10))) this.walk(arg, fsegs, { ...ctx, inCondition: true });
            return;
        case 'Fn::Join':
            if (shape(isList(2) && (typeof arg[0] === 'string' || intrinsicName(arg[0])) &&
                      (Array.isArray(arg[1]) || intrinsicName(arg[1])))) this.walk(arg, fsegs, ctx);
            return;
        case 'Fn::Select':
            if (shape(isList(2))) this.walk(arg, fsegs, ctx);
            return;
        case 'Fn::Split':
            if (shape(isList(2))) this.walk(arg, fsegs, ctx);
            return;
        case 'Fn::Cidr':
            if (shape(isList(3))) this.walk(arg, fsegs, ctx);
            return;
        case 'Fn::FindInMap':
            if (!shape(isList(3, 4))) return;
            if (typeof arg[0] === 'string') {
                if (!has(this.mappings, arg[0]))
                    this.add([...fsegs, 0], `unknown mapping '${arg[0]}'${suggestion(arg[0], Object.keys(this.mappings))}`);
                else if (typeof arg[1] === 'string' && arg.length === 3) {
                    const top = this.mappings[arg[0]];
                    if (isObject(top) && !has(top, arg[1]))
                        this.add([...fsegs, 1], `mapping '${arg[0]}' has no key '${arg[1]}'`);
                    else if (isObject(top?.[arg[1]]) && typeof arg[2] === 'string' && !has(top[arg[1]], arg[2]))
                        this.add([...fsegs, 2], `mapping '${arg[0]}.${arg[1]}' has no key '${arg[2]}'`);
                }
            }
            this.walk(arg, fsegs, ctx);
            return;
        case 'Fn::Transform':
            return; // macro parameters
        default:
            if (!KNOWN_INTRINSICS.has(fn)) this.add(segs, `unknown intrinsic function '${fn}'${suggestion(fn, KNOWN_INTRINSICS)}`);
            this.walk(arg, fsegs, ctx);
        }
    }
}

// ------------------------------------------------------------------------------------------
// Files

function collectFiles(inputs) {
    const files = [];
    const visit = (p, explicit) => {
        let st;
        try { st = fs.statSync(p); } catch { throw new UsageError(`no such file or directory: ${p}`); }
        if (st.isDirectory()) {
            const entries = fs.readdirSync(p, { withFileTypes: true })
                .filter((e) => !e.name.startsWith('.') && e.name !== 'node_modules')
                .map((e) => e.name).sort();
            for (const e of entries) visit(path.join(p, e), false);
        } else if (explicit || /\.(ya?ml|json)$/i.test(p)) {
            files.push(p);
        }
    };
    for (const i of inputs) visit(i, true);
    // Checking nothing would pass silently: an empty export is a mistake in the test set-up.
    if (files.length === 0) throw new UsageError(`no *.yaml, *.yml or *.json template in: ${inputs.join(', ')}`);
    return files;
}

function main() {
    let opts;
    try {
        opts = parseArgs(process.argv.slice(2));
        const pkgs = loadPackages(opts.prefix);
        opts.pkgs = pkgs;
        opts.files = collectFiles(opts.inputs);
    } catch (e) {
        if (e instanceof UsageError) {
            process.stderr.write(`validate.mjs: ${e.message}\n${USAGE}\n`);
            return 2;
        }
        throw e;
    }
    const { yaml, Ajv04, dbPath } = opts.pkgs;
    const spec = new ServiceSpec(dbPath);
    const sam = new SamSchema(opts.samSchema, Ajv04);
    const yamlSchema = makeYamlSchema(yaml);
    const checker = new TemplateChecker(spec, sam, opts);

    const report = [];
    let totalResources = 0, totalProblems = 0;
    for (const file of opts.files) {
        const { doc, problems } = readTemplate(file, yaml, yamlSchema);
        let resources = 0;
        if (doc !== undefined || problems.length === 0) {
            checker.check(doc);
            problems.push(...checker.problems);
            resources = checker.resourceCount;
        }
        const clean = problems.map(({ path: p, message }) => ({ path: p, message }));
        report.push({ file, resources, problems: clean });
        totalResources += resources;
        totalProblems += clean.length;
        if (!opts.json) {
            for (const p of clean) process.stdout.write(`${file}: ${p.path ? p.path + ': ' : ''}${p.message}\n`);
            process.stdout.write(`${file}: ${clean.length === 0 ? 'ok' : `${clean.length} problem${clean.length === 1 ? '' : 's'}`}` +
                                 ` (${resources} resource${resources === 1 ? '' : 's'})\n`);
        }
    }
    const summary = `checked ${report.length} template${report.length === 1 ? '' : 's'}, ` +
                    `${totalResources} resource${totalResources === 1 ? '' : 's'}: ` +
                    `${totalProblems} problem${totalProblems === 1 ? '' : 's'}`;
    if (opts.json) {
        process.stdout.write(JSON.stringify({
            templates: report.length, resources: totalResources, problems: totalProblems,
            passed: report.filter((r) => r.problems.length === 0).length, files: report,
        }, null, 2) + '\n');
    } else {
        process.stdout.write(summary + '\n');
    }
    return totalProblems === 0 ? 0 : 1;
}

process.exitCode = main();
