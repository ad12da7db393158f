import { expect, test } from "./support/test";
import { signInRequest } from "./support/auth";
import { createEmployee } from "./support/db";
import { shownDay } from "./support/dates";

/**
 * Issue 12, item 1: an employee whose browser asks for Simplified Chinese opens the exception
 * form for a restricted tool and sends it, then reads the request — every word of the requests
 * area in Chinese, dates as Chinese writes them. Wireshark is seeded restricted and no other
 * spec asks for it.
 */

test.use({ locale: "zh-CN" });

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

test("a zh-CN employee asks for an exception and reads the request in Chinese", async ({ page }) => {
  // A fresh employee without a manager: security decides, and the journey can run again.
  const asker = await createEmployee("zhasker");
  await signInRequest(page.request, asker.email);
  await page.goto("/requests/new?software=wireshark");

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("申请使用 Wireshark 的例外");
  await expect(page.getByText("由安全团队决定：你没有登记经理。")).toBeVisible();
  const context = page.getByRole("region", { name: "申请前须知" });
  await expect(context.getByTestId("tool-conditions")).toContainText("你需要接受的条件");
  await expect(context.getByTestId("tool-conditions")).toContainText("Wireshark（受限）：");
  // Each step's SLA, and the typical decision time (the median, or that there is no history yet), in Chinese.
  await expect(context.getByTestId("request-timing").getByRole("listitem")).toHaveText([/^安全团队将在 \d+ 天内决定；超时将升级处理。$/]);
  await expect(context.getByTestId("typical-decision-time")).toHaveText(/^(约 \d+ (小时|天)|不到 1 小时)（过去 90 天内已决定的 \d+ 个申请的中位数）。$|^历史数据不足：过去 90 天内没有已决定的申请。$/);
  for (const english of ["Before you ask", "How long it takes", "decides within", "Typical decision time"]) {
    await expect(page.getByText(english)).toHaveCount(0);
  }

  const form = page.getByRole("form", { name: "申请例外" });
  // The latest end date allowed, written the Chinese way ("2027年3月4日").
  await expect(form).toContainText(/最多 \d+ 天后：\d{4}年\d{1,2}月\d{1,2}日/);
  await form.getByLabel("你将用于的最敏感数据").selectOption({ label: "内部" });
  const endsOn = isoDay(25);
  await form.getByLabel("有效期至（最后一天）").fill(endsOn);
  await form.getByLabel("用途").fill("排查办公网络的 DNS 故障");
  await form.getByLabel("理由").fill("需要抓包确认解析请求被哪台设备丢弃。");
  await form.getByRole("button", { name: "提交申请" }).click();

  // The confirmation, then the request's page, in Chinese.
  await expect(page).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("flash")).toHaveText(/申请 \d+ 已提交。$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^申请 \d+ · 例外：Wireshark$/);
  // (The status badge is components/badges.tsx's, translated with the catalogue's pages.)
  await expect(page.locator("[data-request-status=awaiting_security]")).toBeVisible();
  await expect(page.getByTestId("request-holder")).toContainText("等待安全团队处理");
  await expect(page.getByTestId("request-holder")).toContainText("已直接转给安全团队：没有登记经理");
  await expect(page.getByTestId("request-ends-on")).toHaveText(shownDay(endsOn, "zh-CN"));
  await expect(page.getByTestId("request-ends-on")).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日$/);
  await expect(page.getByRole("heading", { name: "时间线" })).toBeVisible();
  await expect(page.getByTestId("request-event").first()).toContainText("提交了申请");
  await expect(page.getByTestId("request-event").first()).toContainText("没有登记经理：已直接转给安全团队。");
  await expect(page.getByTestId("request-holder")).not.toContainText("Waiting for");
  for (const english of ["Asked by", "Timeline", "The tool now", "Add comment", "Withdraw request", "Justification"]) {
    await expect(page.getByText(english, { exact: false })).toHaveCount(0);
  }

  // My requests: the list and its due date in Chinese.
  await page.goto("/requests");
  await expect(page.getByRole("heading", { name: "我的申请", level: 2 })).toBeVisible();
  const row = page.getByTestId("request-row").filter({ hasText: "Wireshark" });
  await expect(row).toContainText("例外");
  await expect(row).toContainText(/\d{4}年\d{1,2}月\d{1,2}日/);
  await expect(page.getByText("My exceptions in force")).toHaveCount(0);
});
