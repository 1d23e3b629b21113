// The files (佐证材料) of a record of any module: thumbnails of photos (tap to enlarge), the documents as links,
// an upload button with its progress, delete for whoever may write the record. On a phone the photo button
// offers the camera (accept="image/*"). The server keeps the files (/api/attachments) and decides, from the
// record's module, who may see and add them; this only asks.
import {
  CameraOutlined,
  DeleteOutlined,
  FileExcelOutlined,
  FileOutlined,
  FilePdfOutlined,
  FileWordOutlined,
  PaperClipOutlined,
} from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ATTACHMENT_ACCEPT, type AttachmentMeta, attachmentsApi, isImage } from '@xiezuo/shared/contracts/attachments';
import { App, Button, Image, Popconfirm, Progress, Space, Typography } from 'antd';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call, uploadWithProgress, urlOf } from '../app/api';
import { formatMoment } from '../app/format';

export interface AttachmentsProps {
  module: string;
  kind: string;
  ownerId: number;
  /** Show only this purpose's files and upload as it; without one, every file shows and nothing is uploaded. */
  purpose?: string;
  /** 'photo': the button takes pictures (the camera on a phone); 'any': photos and documents. */
  accept?: 'photo' | 'any';
  /** Only the photos (a gallery). */
  imagesOnly?: boolean;
  /** No upload here even if the user may (e.g. a step not reached yet). */
  readOnly?: boolean;
  /** A purpose in words, shown under each photo of a gallery. */
  purposeLabel?: (purpose: string) => string;
  /** The upload button's text (default: 上传 / 拍照/上传照片). */
  uploadLabel?: ReactNode;
  /** What to say when there is nothing (default: 暂无附件; null: nothing). */
  empty?: ReactNode;
  /** Say under the button which files are taken, up to what size (default true). */
  hint?: boolean;
}

const sizeText = (n: number) =>
  n >= 1024 * 1024 ? `${Number((n / 1024 / 1024).toFixed(1))} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;

function fileIcon(mimeType: string) {
  if (mimeType === 'application/pdf') return <FilePdfOutlined style={{ color: '#cf1322' }} />;
  if (mimeType.includes('wordprocessingml')) return <FileWordOutlined style={{ color: '#1677ff' }} />;
  if (mimeType.includes('spreadsheetml')) return <FileExcelOutlined style={{ color: '#389e0d' }} />;
  return <FileOutlined />;
}

/** The list of one record's files: fetched once per record, shared by every Attachments of it on the page. */
export function useAttachments(module: string, kind: string, ownerId: number) {
  return useQuery({
    queryKey: ['attachments', module, kind, ownerId],
    queryFn: () => call(attachmentsApi.list, { query: { module, kind, ownerId } }),
  });
}

export function Attachments(props: AttachmentsProps) {
  const { module, kind, ownerId, purpose, accept = 'any', imagesOnly, readOnly, purposeLabel } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const picker = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<{ name: string; percent: number } | null>(null);
  const { data } = useAttachments(module, kind, ownerId);
  const refresh = () => client.invalidateQueries({ queryKey: ['attachments', module, kind, ownerId] });
  const items = (data?.items ?? []).filter((a) => (!purpose || a.purpose === purpose) && (!imagesOnly || isImage(a.mimeType)));
  const canUpload = !!data?.canWrite && !!purpose && !readOnly;
  const limit = sizeText(data?.maxBytes ?? 10 * 1024 * 1024);
  const fileUrl = (a: AttachmentMeta, download = false) =>
    urlOf(attachmentsApi.file, { params: { id: a.id }, query: download ? { download: '1' } : {} });

  const send = async (files: FileList | null) => {
    if (!files || !purpose) return;
    for (const file of [...files]) {
      if (data && file.size > data.maxBytes) {
        message.error(`${file.name}：${t('attachments.errors.tooLarge', { limit })}`);
        continue;
      }
      const form = new FormData();
      form.append('file', file, file.name);
      // a photo's file time is when the phone took it
      const takenAt = file.type.startsWith('image/') && file.lastModified ? new Date(file.lastModified).toISOString() : undefined;
      setProgress({ name: file.name, percent: 0 });
      try {
        await uploadWithProgress(attachmentsApi.upload, { query: { module, kind, ownerId, purpose, takenAt } }, form, (sent) =>
          setProgress({ name: file.name, percent: Math.round(sent * 100) }),
        );
        message.success(t('attachments.uploaded', { name: file.name }));
      } catch (e) {
        message.error(`${file.name}：${e instanceof ApiError ? (e.body.details[0]?.message ?? e.message) : String(e)}`);
      }
    }
    setProgress(null);
    if (picker.current) picker.current.value = '';
    await refresh();
  };

  const remove = async (a: AttachmentMeta) => {
    try {
      await call(attachmentsApi.remove, { params: { id: a.id } });
      message.success(t('attachments.removed'));
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
    await refresh();
  };

  const removeButton = (a: AttachmentMeta) =>
    data?.canWrite &&
    !readOnly && (
      <Popconfirm title={t('attachments.removeConfirm', { name: a.fileName })} onConfirm={() => remove(a)}>
        <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('attachments.remove')} />
      </Popconfirm>
    );

  /** Who added a file and when (and when a photo was taken), for its tooltip. */
  const about = (a: AttachmentMeta) =>
    [
      a.fileName,
      t('attachments.uploadedBy', { name: a.uploadedBy ?? '—', at: formatMoment(a.uploadedAt) }),
      a.takenAt ? t('attachments.takenAt', { at: formatMoment(a.takenAt) }) : '',
    ]
      .filter(Boolean)
      .join('\n');

  const photos = items.filter((a) => isImage(a.mimeType));
  const documents = items.filter((a) => !isImage(a.mimeType));
  return (
    <div data-testid={`attachments-${module}-${kind}${purpose ? `-${purpose}` : ''}`}>
      {photos.length > 0 && (
        <Image.PreviewGroup>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 8 }}>
            {photos.map((a) => (
              <figure key={a.id} style={{ margin: 0, width: 96, fontSize: 12, color: '#888' }} data-testid="attachment-photo">
                <Image
                  src={fileUrl(a)}
                  alt={a.fileName}
                  width={96}
                  height={96}
                  style={{ objectFit: 'cover', borderRadius: 4 }}
                  preview={{ mask: false }}
                />
                <figcaption style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 2 }}>
                  <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={about(a)}>
                    {purposeLabel ? purposeLabel(a.purpose) : formatMoment(a.takenAt ?? a.uploadedAt)}
                  </span>
                  {removeButton(a)}
                </figcaption>
              </figure>
            ))}
          </div>
        </Image.PreviewGroup>
      )}
      {documents.map((a) => (
        <div key={a.id} style={{ display: 'flex', alignItems: 'center', gap: 6, minWidth: 0 }} data-testid="attachment-file">
          {fileIcon(a.mimeType)}
          <a
            href={fileUrl(a)}
            target="_blank"
            rel="noopener"
            title={about(a)}
            style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
          >
            {a.fileName}
          </a>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {sizeText(a.size)}
          </Typography.Text>
          <a href={fileUrl(a, true)} style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {t('attachments.download')}
          </a>
          {removeButton(a)}
        </div>
      ))}
      {items.length === 0 && props.empty !== null && !canUpload && (
        <Typography.Text type="secondary">{props.empty ?? t('attachments.empty')}</Typography.Text>
      )}
      {canUpload && (
        <Space direction="vertical" size={4} style={{ display: 'flex', marginTop: items.length ? 8 : 0 }}>
          <input
            ref={picker}
            type="file"
            hidden
            multiple
            accept={accept === 'photo' ? 'image/*' : `image/*,${ATTACHMENT_ACCEPT}`}
            onChange={(e) => void send(e.target.files)}
            data-testid="attachments-input"
          />
          <Button
            size="small"
            icon={accept === 'photo' ? <CameraOutlined /> : <PaperClipOutlined />}
            loading={!!progress}
            onClick={() => picker.current?.click()}
          >
            {props.uploadLabel ?? (accept === 'photo' ? t('attachments.takePhoto') : t('attachments.upload'))}
          </Button>
          {progress && (
            <div data-testid="attachments-progress">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('attachments.uploading', { name: progress.name })}
              </Typography.Text>
              <Progress percent={progress.percent} size="small" />
            </div>
          )}
          {!progress && props.hint !== false && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(accept === 'photo' ? 'attachments.hintPhoto' : 'attachments.hint', { limit })}
            </Typography.Text>
          )}
        </Space>
      )}
    </div>
  );
}
