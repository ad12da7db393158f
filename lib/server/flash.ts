import "server-only";
import { cookies } from "next/headers";
import { FLASH_COOKIE, FLASH_SECONDS } from "../forms";

/**
 * A one-shot confirmation carried to the next page the browser shows, be it the same page re-rendered
 * or the one a redirect opens: a short-lived cookie the page's status region reads once and clears
 * (components/flash.tsx). Never a secret: the cookie is readable by the page.
 */
export async function setFlash(message: string): Promise<void> {
  (await cookies()).set(FLASH_COOKIE, message, { path: "/", maxAge: FLASH_SECONDS, sameSite: "lax", httpOnly: false });
}
