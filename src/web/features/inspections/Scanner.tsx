// Scanning an asset label on the phone: the camera through the browser's BarcodeDetector where there
// is one, and the label's code (its URL …/a/{number}, or the number) typed or pasted otherwise.
import { ScanOutlined } from '@ant-design/icons';
import { Button, Input, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { labelNumber } from '../../../common/inspections.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type DetectorClass = new (o: { formats: string[] }) => Detector;
const BarcodeDetectorClass = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;

function Camera({ onCode, onClose }: { onCode: (code: string) => void; onClose: () => void }) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    let stream: MediaStream | null = null;
    let stop = false;
    const detector = new BarcodeDetectorClass!({ formats: ['qr_code'] });
    void (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
        if (!video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        while (!stop) {
          const found = await detector.detect(video.current).catch(() => []);
          if (found[0]) return onCode(found[0].rawValue);
          await new Promise((r) => setTimeout(r, 250));
        }
      } catch {
        onClose();
      }
    })();
    return () => {
      stop = true;
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [onCode, onClose]);
  return <video ref={video} muted playsInline style={{ width: '100%', maxHeight: 260, background: '#000', borderRadius: 8 }} />;
}

export function Scanner({ onNumber }: { onNumber: (number: string) => void }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [camera, setCamera] = useState(false);
  const go = (raw: string) => {
    const n = labelNumber(raw);
    if (n) onNumber(n);
    setCode('');
    setCamera(false);
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {camera && <Camera onCode={go} onClose={() => setCamera(false)} />}
      <Space.Compact style={{ width: '100%' }}>
        {BarcodeDetectorClass && (
          <Button icon={<ScanOutlined />} onClick={() => setCamera((c) => !c)}>
            {camera ? t('关闭相机') : t('扫码')}
          </Button>
        )}
        <Input
          aria-label={t('资产标签')}
          placeholder={t('扫描或输入资产标签编号')}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          onPressEnter={() => go(code)}
        />
        <Button type="primary" onClick={() => go(code)}>
          {t('打开')}
        </Button>
      </Space.Compact>
    </Space>
  );
}
