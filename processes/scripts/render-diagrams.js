// Renders every BPMN model to docs/<process>.svg with bpmn-js in a headless Chromium.
// Uses the system's Chromium (CHROMIUM_PATH, default /usr/bin/chromium); never downloads a browser.
const fs = require('fs');
const path = require('path');
const puppeteer = require('puppeteer-core');

const modelsDir = path.join(__dirname, '..', 'src', 'main', 'resources');
const docsDir = path.join(__dirname, '..', '..', 'docs');

(async () => {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent('<html><body><div id="canvas" style="width:1600px;height:900px"></div></body></html>');
    await page.addScriptTag({ path: require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js') });
    fs.mkdirSync(docsDir, { recursive: true });
    for (const file of fs.readdirSync(modelsDir).filter((f) => f.endsWith('.bpmn')).sort()) {
      const xml = fs.readFileSync(path.join(modelsDir, file), 'utf8');
      const { svg, warnings } = await page.evaluate(async (xml) => {
        const viewer = new BpmnJS({ container: '#canvas' });
        const result = await viewer.importXML(xml);
        const { svg } = await viewer.saveSVG();
        viewer.destroy();
        return { svg, warnings: result.warnings.map((w) => w.message) };
      }, xml);
      if (warnings.length) {
        throw new Error(`${file}: ${warnings.join('; ')}`);
      }
      const out = path.join(docsDir, file.replace(/\.bpmn$/, '.svg'));
      fs.writeFileSync(out, svg);
      console.log(`rendered ${path.relative(process.cwd(), out)}`);
    }
  } finally {
    await browser.close();
  }
})().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
