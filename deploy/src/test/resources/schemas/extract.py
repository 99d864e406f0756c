#!/usr/bin/env python3
"""Writes the JSON Schemas in this folder from their sources (see README.md); run it to move to newer sources.

usage: extract.py KUBERNETES_SWAGGER_JSON CRD_YAML...   (PyYAML needed for the CRDs)

Kubernetes kinds: the definition of each kind below and every definition it reaches, in one draft-07 schema per kind,
made strict as the API server's strict field validation is (an unknown field is an error), with IntOrString and
Quantity as the integers or strings they are in YAML. CRDs: the openAPIV3Schema of their storage version, strict
the same way except where the CRD keeps unknown fields, and `nullable` as JSON Schema's null type.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {
	'deployment-apps-v1': 'io.k8s.api.apps.v1.Deployment',
	'service-v1': 'io.k8s.api.core.v1.Service',
	'secret-v1': 'io.k8s.api.core.v1.Secret',
	'configmap-v1': 'io.k8s.api.core.v1.ConfigMap',
	'poddisruptionbudget-policy-v1': 'io.k8s.api.policy.v1.PodDisruptionBudget',
	'horizontalpodautoscaler-autoscaling-v2': 'io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler',
	'ingress-networking-v1': 'io.k8s.api.networking.v1.Ingress',
}
LOOSE_TYPES = {
	'io.k8s.apimachinery.pkg.util.intstr.IntOrString': {'type': ['integer', 'string']},
	'io.k8s.apimachinery.pkg.api.resource.Quantity': {'type': ['number', 'string']},
}


def strict(node, crd):
	if isinstance(node, list):
		return [strict(item, crd) for item in node]
	if not isinstance(node, dict):
		return node
	node = {key: strict(value, crd) for key, value in node.items() if key != 'format'}
	if crd and node.pop('nullable', False) and 'type' in node:
		node['type'] = [node['type'], 'null']
	if crd and node.get('x-kubernetes-int-or-string') and 'anyOf' not in node:
		node['type'] = ['integer', 'string']
	keeps_unknown = node.get('x-kubernetes-preserve-unknown-fields')
	if 'properties' in node and 'additionalProperties' not in node and not keeps_unknown:
		node['additionalProperties'] = False
	return node


def reached(definitions, name, seen):
	if name in seen:
		return
	seen.add(name)
	text = json.dumps(definitions[name])
	for part in text.split('"#/definitions/')[1:]:
		reached(definitions, part.split('"')[0], seen)


def kubernetes(swagger_path):
	definitions = json.load(open(swagger_path))['definitions']
	for file, name in KINDS.items():
		seen = set()
		reached(definitions, name, seen)
		closure = {key: LOOSE_TYPES.get(key) or strict(definitions[key], False) for key in sorted(seen)}
		kind = closure[name]
		for gvk in kind.get('x-kubernetes-group-version-kind', [])[:1]:
			api_version = (gvk['group'] + '/' if gvk['group'] else '') + gvk['version']
			kind['properties']['apiVersion'] = {'type': 'string', 'enum': [api_version]}
			kind['properties']['kind'] = {'type': 'string', 'enum': [gvk['kind']]}
		kind['required'] = sorted(set(kind.get('required', [])) | {'apiVersion', 'kind', 'metadata'})
		write(file, {'$schema': 'http://json-schema.org/draft-07/schema#', '$ref': '#/definitions/' + name,
				'definitions': closure})


def custom_resources(crd_paths):
	import yaml
	for path in crd_paths:
		for crd in yaml.safe_load_all(open(path)):
			if not crd or crd.get('kind') != 'CustomResourceDefinition':
				continue
			group, kind = crd['spec']['group'], crd['spec']['names']['kind']
			version = next(v for v in crd['spec']['versions'] if v.get('storage'))
			schema = strict(version['schema']['openAPIV3Schema'], True)
			schema['properties']['apiVersion'] = {'type': 'string', 'enum': [group + '/' + version['name']]}
			schema['properties']['kind'] = {'type': 'string', 'enum': [kind]}
			schema['required'] = sorted(set(schema.get('required', [])) | {'apiVersion', 'kind', 'metadata'})
			schema['$schema'] = 'http://json-schema.org/draft-07/schema#'
			write(kind.lower() + '-' + group.split('.')[0] + '-' + version['name'], schema)


def write(file, schema):
	with open(os.path.join(HERE, file + '.json'), 'w') as out:
		json.dump(schema, out, indent=1, sort_keys=True)
		out.write('\n')


if __name__ == '__main__':
	kubernetes(sys.argv[1])
	custom_resources(sys.argv[2:])
