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
  const response = await handler(request, { params: Promise.resolve(init.params) });
  const body = await response.clone().text();
  const problems = contract.check({ method: request.method, url: path, status: response.status, contentType: response.headers.get("content-type"), body });
  expect(problems, `${request.method} ${path} does not match the OpenAPI document`).toEqual([]);
  return response;
}
