/**
 * The Pods the lessons create on a real system. Commands use absolute paths (/bin/httpd,
 * /bin/sh) because the locally imported busybox image has no PATH of its own, and the public
 * busybox images keep every applet in /bin as well.
 */
import {tutorLabels} from './tutor-labels.js';

export const DEFAULT_IMAGE = 'busybox:1.36';

export interface LessonPodOptions {
	readonly name: string;
	readonly image: string;
	readonly user: string;
	/** Namespace to put in metadata (kubectl only; podman ignores it). */
	readonly namespace?: string;
}

/** web-app: `app` serves /data over HTTP on 8080; `log-shipper` writes /data/index.html; both mount one emptyDir. */
export function webAppPod(options: LessonPodOptions): Record<string, unknown> {
	const metadata: Record<string, unknown> = {name: options.name, labels: tutorLabels(options.user)};
	if (options.namespace) metadata.namespace = options.namespace;
	return {
		apiVersion: 'v1',
		kind: 'Pod',
		metadata,
		spec: {
			containers: [
				{
					name: 'app',
					image: options.image,
					command: ['/bin/httpd', '-f', '-p', '8080', '-h', '/data'],
					ports: [{containerPort: 8080}],
					volumeMounts: [{name: 'shared-data', mountPath: '/data'}],
				},
				{
					name: 'log-shipper',
					image: options.image,
					command: ['/bin/sh', '-c', 'while true; do date > /data/index.html; sleep 2; done'],
					volumeMounts: [{name: 'shared-data', mountPath: '/data'}],
				},
			],
			volumes: [{name: 'shared-data', emptyDir: {}}],
		},
	};
}
