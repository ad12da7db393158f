import { NextRequest } from "next/server";
import { expect } from "vitest";
import { openApiContract } from "./openapi-contract";

const contract = openApiContract();

export type RouteHandler = (request: NextRequest, context: { params: Promise<Record<string, string> | undefined> }) => Response | Promise<Response>;

/**
 * Calls a route handler as Next would, and fails the test unless the response matches the
 * OpenAPI document (path, method, status, media type and body).
 */
export async function callApi(
  handler: RouteHandler,
  path: string,
  init: { method?: string; headers?: HeadersInit; body?: string; params?: Record<string, string> } = {},
): Promise<Response> {
  const request = new NextRequest(`http://vetted.test${path}`, { method: init.method ?? "GET", headers: init.headers, body: init.body });
  // Next resolves `params` to undefined for a route without dynamic segments.
  return expectDocumented(request, await handler(request, { params: Promise.resolve(init.params) }));
}

/** Fails the test unless the response to `request` matches the OpenAPI document; returns it unread. */
export async function expectDocumented(request: Request, response: Response): Promise<Response> {
  const body = await response.clone().text();
  const problems = contract.check({ method: request.method, url: request.url, status: response.status, contentType: response.headers.get("content-type"), body });
  expect(problems, `${request.method} ${new URL(request.url).pathname} does not match the OpenAPI document`).toEqual([]);
  return response;
}
