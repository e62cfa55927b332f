// Issue 11 point 11 in Chromium: an engineer searches the knowledge base, reads an article (its text
// shown as text, never as HTML), and asks the agency contact on a ticket's comment thread with an
// @mention, which reaches the contact's notifications. Screenshots at 1440×900 and 390×844.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, SHOTS, useProduct } from './server.ts';
import { call, signInAt } from './shots.ts';

const env = useProduct();

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
}

describe('knowledge base and ticket comments', () => {
  it('finds an article by 交换机, reads it, and mentions the agency contact on a ticket', async () => {
    const ctx = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await ctx.newPage();
    await signInAt(env.base, page, 'eng.net', DEMO_PASSWORD);
    await settle(page);

    // Text that looks like HTML stays text on the article page.
    const hostile = await call<{ id: string }>(page, 'POST', '/api/kb', {
      title: '打印机脱机 <b>不是粗体</b>',
      serviceLine: 'NET',
      problem: '打印机显示脱机\n<img src=x onerror=alert(1)>',
      solution: '1. 重启打印机\n2. 重新添加打印机',
      tags: ['打印机'],
    });

    await page.goto(`${env.base}/kb`);
    await expect.poll(() => page.getByText('核心交换机端口故障的排查').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'e2e-kb-list.png') });

    await page.getByPlaceholder('输入故障现象或关键词，多个词用空格分隔').fill('交换机 光模块');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=/);
    await expect.poll(() => page.locator('[data-testid="kb-table"] tbody tr.ant-table-row').count(), { timeout: 10_000 }).toBe(1);
    await page.getByRole('link', { name: '核心交换机端口故障的排查' }).click();
    await page.waitForURL(/\/kb\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('kb-solution').innerText(), { timeout: 10_000 }).toContain('更换光模块或跳线');
    // Line breaks kept: three steps on three lines.
    expect((await page.getByTestId('kb-solution').innerText()).split('\n')).toHaveLength(3);
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'e2e-kb-article.png') });

    await page.goto(`${env.base}/kb/${hostile.id}`);
    await expect.poll(() => page.getByTestId('kb-problem').innerText(), { timeout: 10_000 }).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('[data-testid="kb-problem"] img').count()).toBe(0);
    expect(await page.locator('h4 b').count()).toBe(0);

    // A NET ticket the engineer can see; the thread opens from ?tab=comments, as a mention's link does.
    const { items } = await call<{ items: { id: string; number: string }[] }>(page, 'GET', '/api/tickets?serviceLine=NET&pageSize=1');
    const ticket = items[0]!;
    await page.goto(`${env.base}/desk/${ticket.id}?tab=comments`);
    const box = page.locator('[data-testid="comments"] textarea');
    await box.click();
    await box.pressSequentially('@agency.c');
    await page.locator('.ant-mentions-dropdown-menu-item').filter({ hasText: 'agency.contact' }).first().click();
    await box.pressSequentially('请下午到 3 层测试网络后确认');
    await page.getByTestId('comment-send').click();
    await expect.poll(() => page.getByTestId('comment').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('comment').first().innerText()).toContain('@agency.contact 请下午到 3 层测试网络后确认');
    await settle(page);
    await page.getByTestId('comments').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'e2e-ticket-comments.png') });

    // The contact is told; the link opens the thread.
    const contact = await env.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const phone = await contact.newPage();
    await signInAt(env.base, phone, 'agency.contact', DEMO_PASSWORD);
    await settle(phone);
    const told = await call<{ items: { event: string; link: string; title: string }[] }>(phone, 'GET', '/api/notifications');
    const mention = told.items.find((n) => n.event === 'ticket.mentioned');
    expect(mention?.link).toBe(`/desk/${ticket.id}?tab=comments`);
    expect(mention?.title).toContain(ticket.number);

    // The same screens on a phone.
    await phone.goto(`${env.base}${mention!.link}`);
    await expect.poll(() => phone.getByTestId('comment').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await settle(phone);
    await phone.screenshot({ path: join(SHOTS, 'e2e-ticket-comments-phone.png') });
    await phone.goto(`${env.base}/kb`);
    await expect.poll(() => phone.getByText('核心交换机端口故障的排查').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await settle(phone);
    await phone.screenshot({ path: join(SHOTS, 'e2e-kb-list-phone.png'), fullPage: true });
    await phone.getByRole('link', { name: '核心交换机端口故障的排查' }).click();
    await expect.poll(() => phone.getByTestId('kb-solution').count(), { timeout: 10_000 }).toBe(1);
    await settle(phone);
    await phone.screenshot({ path: join(SHOTS, 'e2e-kb-article-phone.png'), fullPage: true });
    await contact.close();
    await ctx.close();
  });
});
