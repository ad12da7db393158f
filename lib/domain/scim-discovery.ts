/**
 * What the SCIM service says about itself (RFC 7644 §4): /ServiceProviderConfig, /ResourceTypes
 * and /Schemas, from scimmy's schema definitions (core User with the enterprise extension,
 * Group). Pure.
 */
import SCIMMY from "scimmy";
import { MAX_PATCH_OPERATIONS } from "./scim-patch";
import { ENTERPRISE_SCHEMA, GROUP_SCHEMA, MAX_COUNT, SCIM_GROUP, SCIM_USER, USER_SCHEMA } from "./scim-resources";

type Json = Record<string, unknown>;

export const SERVICE_PROVIDER_CONFIG_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
const RESOURCE_TYPE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";

/** The largest body the service reads; larger ones get 413. */
export const SCIM_MAX_BODY_BYTES = 1024 * 1024;

export function serviceProviderConfig(base: string): Json {
  return {
    schemas: [SERVICE_PROVIDER_CONFIG_SCHEMA],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_COUNT },
    changePassword: { supported: false },
    sort: { supported: true },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: "oauthbearertoken",
        name: "Vetted API token",
        description: `A Vetted API token of scope scim (Admin → API tokens), sent as "Authorization: Bearer vt_…". PATCH takes at most ${MAX_PATCH_OPERATIONS} operations; bodies at most ${SCIM_MAX_BODY_BYTES / 1024} KB.`,
        specUri: "https://www.rfc-editor.org/info/rfc6750",
        primary: true,
      },
    ],
    meta: { resourceType: "ServiceProviderConfig", location: `${base}/ServiceProviderConfig` },
  };
}

export function resourceTypes(base: string): Json[] {
  return [
    {
      schemas: [RESOURCE_TYPE_SCHEMA],
      id: "User",
      name: "User",
      endpoint: "/Users",
      description: "A person in Vetted (keyed by email), with their manager and active state",
      schema: USER_SCHEMA,
      schemaExtensions: [{ schema: ENTERPRISE_SCHEMA, required: false }],
      meta: { resourceType: "ResourceType", location: `${base}/ResourceTypes/User` },
    },
    {
      schemas: [RESOURCE_TYPE_SCHEMA],
      id: "Group",
      name: "Group",
      endpoint: "/Groups",
      description: "A group of people; its name maps to a Vetted role as single sign-on's groups do (OIDC_ROLE_GROUPS)",
      schema: GROUP_SCHEMA,
      meta: { resourceType: "ResourceType", location: `${base}/ResourceTypes/Group` },
    },
  ];
}

/** The schemas, as scimmy describes them, each with its location under `base`. */
export function schemaDescriptions(base: string): Json[] {
  const describe = (definition: { describe(basepath?: string): unknown }) => definition.describe(`${base}/Schemas`) as Json;
  // The User definition carries the extension's attributes inside it; the extension is described on its own as well.
  const user = describe(SCIM_USER.definition);
  const { attributes, ...userRest } = user;
  return [
    { ...userRest, attributes: (attributes as Json[]).filter((a) => !String(a.name).startsWith("urn:")) },
    describe(SCIMMY.Schemas.EnterpriseUser.definition),
    describe(SCIM_GROUP.definition),
  ];
}
