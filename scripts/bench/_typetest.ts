import { chromium } from "playwright";
import { chromiumLaunchOptions } from "../../tests/support/browser.ts";
import { serveStatic } from "./staticServer.ts";
import { measureTyping } from "./typingInBrowser.ts";
const server = await serveStatic(process.argv[2]!, 4419);
const browser = await chromium.launch(chromiumLaunchOptions());
console.log(await measureTyping(browser, server.origin, process.argv.slice(3)));
await browser.close(); await server.close();
